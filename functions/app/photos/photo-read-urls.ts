import { photoObjectKey } from '../../domain/photos/photo-keys';
import type { Services } from '../services';
import { photoBucketOf } from './photo-bucket-of';

/** Short-lived GET URLs of processed photos; signing is local (no request to S3). The caller has applied the privacy rules. */
export async function photoReadUrls(services: Services, keys: readonly string[] | undefined): Promise<string[]> {
  if (!keys?.length) return [];
  const bucket = photoBucketOf(services);
  return Promise.all(keys.map((key) => bucket.presignRead(photoObjectKey(key))));
}
