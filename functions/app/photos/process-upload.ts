import { MAX_PHOTO_BYTES, photoKeyOfUpload, photoObjectKey, uploadObjectKey } from '../../domain/photos/photo-keys';
import type { PhotoBucket } from '../../store/photos/photo-bucket';

/** A re-encoded image: the pixels only, no metadata. */
export interface ReencodedImage {
  body: Uint8Array;
  contentType: string;
}

/** Re-encodes an image without its metadata; throws NotAnImageError for anything it will not accept. */
export type Reencode = (input: Uint8Array) => Promise<ReencodedImage>;

/** The file is not an image in an accepted format (JPEG, PNG, WebP, HEIF), or cannot be decoded. */
export class NotAnImageError extends Error {
  readonly code = 'NOT_AN_IMAGE';

  constructor(reason: string, options?: ErrorOptions) {
    super(`Not an accepted image: ${reason}`, options);
    this.name = 'NotAnImageError';
  }
}

export type ProcessOutcome = 'PROCESSED' | 'REJECTED' | 'GONE' | 'IGNORED';

/**
 * One upload (`uploads/<key>`): re-encoded without metadata to `photos/<key>`, then deleted; a
 * file that is too big or no accepted image is deleted, leaving no photo (citing it is then
 * refused). Idempotent: a repeated event finds the upload gone, and a run that stopped between
 * writing and deleting writes the same photo again. Objects outside `uploads/` are ignored.
 */
export async function processUpload(bucket: PhotoBucket, objectKey: string, reencode: Reencode): Promise<ProcessOutcome> {
  const key = photoKeyOfUpload(objectKey);
  if (!key) return 'IGNORED';
  const upload = await bucket.read(uploadObjectKey(key));
  if (!upload) return 'GONE';
  let image: ReencodedImage;
  try {
    if (upload.body.byteLength > MAX_PHOTO_BYTES) throw new NotAnImageError(`larger than ${MAX_PHOTO_BYTES} bytes`);
    image = await reencode(upload.body);
  } catch (error) {
    if (!(error instanceof NotAnImageError)) throw error;
    await bucket.delete(uploadObjectKey(key));
    return 'REJECTED';
  }
  await bucket.write(photoObjectKey(key), image.body, image.contentType);
  await bucket.delete(uploadObjectKey(key));
  return 'PROCESSED';
}
