import type { S3Event } from 'aws-lambda';
import { processUpload, type ProcessOutcome } from '../app/photos/process-upload';
import { PhotoBucket } from '../store/photos/photo-bucket';
import { reencodeImage } from './reencode-image';

export interface PhotoProcessorOptions {
  region?: string;
  /** The local S3-compatible server; absent on AWS. */
  endpoint?: string;
}

/** An S3 event's object key: URL-encoded, spaces as `+`. */
const objectKeyOf = (encoded: string): string => decodeURIComponent(encoded.replace(/\+/g, ' '));

/**
 * The function S3 invokes for each upload under `uploads/`, on AWS (handler.ts) and locally on
 * the local S3 server's events (functions/local/s3-local.ts): one client per bucket, reused.
 * A failure of one record throws, so Lambda retries the event; processing is idempotent.
 */
export function createPhotoProcessor(options: PhotoProcessorOptions = {}): (event: S3Event) => Promise<ProcessOutcome[]> {
  const buckets = new Map<string, PhotoBucket>();
  const bucketNamed = (bucketName: string): PhotoBucket => {
    let bucket = buckets.get(bucketName);
    if (!bucket) {
      bucket = new PhotoBucket({ bucketName, region: options.region, endpoint: options.endpoint });
      buckets.set(bucketName, bucket);
    }
    return bucket;
  };
  return async (event) => {
    const outcomes: ProcessOutcome[] = [];
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      outcomes.push(await processUpload(bucketNamed(record.s3.bucket.name), objectKeyOf(record.s3.object.key), reencodeImage));
    }
    return outcomes;
  };
}
