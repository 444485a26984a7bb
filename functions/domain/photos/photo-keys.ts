import { DISTRICT_ID_PATTERN } from '../vocabulary';

/**
 * Photos are uploaded by the caller straight to the district's bucket, then re-encoded without
 * their metadata by the photo processor. A photo's key names its district, what it was uploaded
 * for and a random id: `<district>/<report|resolution>/<uuid>`. Reports and resolutions cite it.
 * In the bucket the upload lives at `uploads/<key>` until processed, the re-encoded photo at
 * `photos/<key>`; only the latter is ever read back.
 */
export const PHOTO_PURPOSES = ['REPORT', 'RESOLUTION'] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

/** What an upload may declare, and the image formats the processor accepts. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** 10 MB: enforced by the upload policy (content-length-range) and again by the processor. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** How long a presigned upload stays valid. */
export const PHOTO_UPLOAD_SECONDS = 300;

/** How long a presigned read URL in an answer stays valid. */
export const PHOTO_READ_SECONDS = 900;

export const UPLOAD_PREFIX = 'uploads/';
export const PHOTO_PREFIX = 'photos/';

export interface PhotoKey {
  districtId: string;
  purpose: PhotoPurpose;
  id: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const PHOTO_KEY_PATTERN = new RegExp(`^(${DISTRICT_ID_PATTERN.source.slice(1, -1)})/(report|resolution)/(${UUID})$`);

export const photoKey = ({ districtId, purpose, id }: PhotoKey): string => `${districtId}/${purpose.toLowerCase()}/${id}`;

export function parsePhotoKey(key: string): PhotoKey | undefined {
  const match = PHOTO_KEY_PATTERN.exec(key);
  if (!match) return undefined;
  return { districtId: match[1]!, purpose: match[2]!.toUpperCase() as PhotoPurpose, id: match[3]! };
}

export const uploadObjectKey = (key: string): string => `${UPLOAD_PREFIX}${key}`;
export const photoObjectKey = (key: string): string => `${PHOTO_PREFIX}${key}`;

/** The photo key of an object under `uploads/`, if it is one. */
export function photoKeyOfUpload(objectKey: string): string | undefined {
  if (!objectKey.startsWith(UPLOAD_PREFIX)) return undefined;
  const key = objectKey.slice(UPLOAD_PREFIX.length);
  return parsePhotoKey(key) ? key : undefined;
}
