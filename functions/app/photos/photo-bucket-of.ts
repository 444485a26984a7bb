import type { PhotoBucket } from '../../store/photos/photo-bucket';
import type { Services } from '../services';

/**
 * A deployment without a photo bucket (PHOTO_BUCKET unset) asked for photos: a configuration
 * fault, not the caller's, so the API masks it as INTERNAL_SERVER_ERROR and logs it.
 */
export class PhotosNotConfiguredError extends Error {
  readonly code = 'PHOTOS_NOT_CONFIGURED';

  constructor() {
    super('No photo bucket is configured (PHOTO_BUCKET)');
    this.name = 'PhotosNotConfiguredError';
  }
}

/** The deployment's photo bucket. */
export function photoBucketOf(services: Services): PhotoBucket {
  if (!services.photos) throw new PhotosNotConfiguredError();
  return services.photos;
}
