import { setTimeout as sleep } from 'node:timers/promises';
import { parsePhotoKey, photoObjectKey, uploadObjectKey, type PhotoPurpose } from '../../domain/photos/photo-keys';
import { BadUserInputError, type FieldProblem } from '../../shared/errors';
import type { PhotoBucket } from '../../store/photos/photo-bucket';
import type { Services } from '../services';
import { photoBucketOf } from './photo-bucket-of';

/**
 * How long a cited photo whose upload is still being processed is waited for: the processor
 * runs on the upload's S3 event, usually within a second, and a page submits right after uploading.
 */
const PROCESSING_WAITS_MS = [200, 400, 800, 1600, 2000, 2000, 2000];

type Verdict = 'PROCESSED' | 'PENDING' | 'MISSING';

/** Processed once `photos/<key>` exists; pending while only `uploads/<key>` does (the processor deletes it when it refuses the file). */
async function verdictOf(bucket: PhotoBucket, key: string): Promise<Verdict> {
  if (await bucket.head(photoObjectKey(key))) return 'PROCESSED';
  return (await bucket.head(uploadObjectKey(key))) ? 'PENDING' : 'MISSING';
}

async function processedVerdict(bucket: PhotoBucket, key: string): Promise<Verdict> {
  let verdict = await verdictOf(bucket, key);
  for (const wait of PROCESSING_WAITS_MS) {
    if (verdict !== 'PENDING') return verdict;
    await sleep(wait);
    verdict = await verdictOf(bucket, key);
  }
  return verdict;
}

/**
 * The photo keys a report or a resolution cites, checked: each names this district and this
 * purpose, and its upload exists and has been processed (its metadata stripped). HeadObject per
 * key, in parallel. Every bad key is named in one BAD_USER_INPUT (`input.photoKeys.1`); nothing is written.
 */
export async function checkCitedPhotos(services: Services, districtId: string, purpose: PhotoPurpose, keys: readonly string[], field: string): Promise<string[]> {
  if (keys.length === 0) return [];
  const bucket = photoBucketOf(services);
  const problems = await Promise.all(
    keys.map(async (key, index): Promise<FieldProblem | undefined> => {
      const path = `${field}.${index}`;
      const parsed = parsePhotoKey(key);
      if (!parsed || parsed.districtId !== districtId) return { path, message: 'is not a photo of this district' };
      if (parsed.purpose !== purpose) return { path, message: 'was not uploaded for this purpose' };
      const verdict = await processedVerdict(bucket, key);
      if (verdict === 'MISSING') return { path, message: 'was not uploaded, or was refused as not an image' };
      if (verdict === 'PENDING') return { path, message: 'is still being processed: try again in a moment' };
      return undefined;
    }),
  );
  const bad = problems.filter((problem) => problem !== undefined);
  if (bad.length > 0) throw new BadUserInputError(bad);
  return [...keys];
}
