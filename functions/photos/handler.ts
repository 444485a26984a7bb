import type { S3Event } from 'aws-lambda';
import { readPhotoProcessorEnvironment } from '../shared/env';
import { createPhotoProcessor } from './photo-processor';
import { tracedHandler } from '../shared/tracing';

/**
 * The photo processor Lambda: S3 invokes it for every object created under `uploads/` of the
 * district's photo bucket. Its own bundle, with sharp and its native libvips (x86_64): nothing of
 * it is in the API's.
 */
const environment = readPhotoProcessorEnvironment();
const processEvent = createPhotoProcessor({ region: environment.AWS_REGION, endpoint: environment.S3_ENDPOINT });

export const handler = tracedHandler({}, async (event: S3Event): Promise<void> => {
  await processEvent(event);
});
