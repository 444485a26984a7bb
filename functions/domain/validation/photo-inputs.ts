import * as z from 'zod';
import { MAX_PHOTO_BYTES, PHOTO_CONTENT_TYPES, PHOTO_KEY_PATTERN, PHOTO_PURPOSES } from '../photos/photo-keys';
import { absentIfNull } from './fields';
import { serviceCodeField } from './reference-inputs';

export const photoPurposeSchema = z.enum(PHOTO_PURPOSES);

export const requestPhotoUploadArguments = z.object({
  input: z.object({
    serviceCode: absentIfNull(serviceCodeField),
    purpose: photoPurposeSchema,
    contentType: z.enum(PHOTO_CONTENT_TYPES, 'must be image/jpeg, image/png, image/webp or image/heic'),
    byteSize: z.int('must be an integer').min(1, 'must be between 1 and 10485760').max(MAX_PHOTO_BYTES, 'must be between 1 and 10485760'),
  }),
});

/** A key answered by requestPhotoUpload; whether it exists, and for what, the use case checks. */
export const photoKeyField = z.string().trim().regex(PHOTO_KEY_PATTERN, 'must be a key answered by requestPhotoUpload');

/** The keys a report or a resolution cites: at most 9, each once. */
export const photoKeysField = z
  .array(photoKeyField)
  .max(9, 'at most 9 photos')
  .refine((keys) => new Set(keys).size === keys.length, 'each photo at most once');
