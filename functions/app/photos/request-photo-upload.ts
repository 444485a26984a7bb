import { randomUUID } from 'node:crypto';
import { checkPhotoUploader } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { photoKey, uploadObjectKey } from '../../domain/photos/photo-keys';
import { districtOfServiceCode, unknownServiceCode } from '../../domain/service-code';
import { parseArguments } from '../../domain/validation/parse';
import { requestPhotoUploadArguments } from '../../domain/validation/photo-inputs';
import type { Services } from '../services';
import { photoBucketOf } from './photo-bucket-of';

export interface PhotoUploadGrant {
  /** What the report or resolution cites once the photo is uploaded. */
  key: string;
  url: string;
  fields: { name: string; value: string }[];
  expiresAt: string;
}

/**
 * requestPhotoUpload: a presigned POST for one photo under the district's prefix and the
 * purpose's. Staff upload for their own district; a resident names the service code of an
 * active station, which names the district, and uploads a report's photos only. Nothing is
 * stored: an upload nobody cites expires with the bucket's lifecycle.
 */
export async function requestPhotoUpload(services: Services, caller: Caller | undefined, args: unknown): Promise<PhotoUploadGrant> {
  const { input } = parseArguments(requestPhotoUploadArguments, args);
  checkPhotoUploader(caller, input);
  const districtId = caller ? caller.districtId : districtOfServiceCode(input.serviceCode!);
  if (!caller) {
    const station = await services.stations.findByServiceCode(districtId, input.serviceCode!);
    if (!station?.active) throw unknownServiceCode('input.serviceCode');
  }
  const bucket = photoBucketOf(services);
  const key = photoKey({ districtId, purpose: input.purpose, id: randomUUID() });
  const upload = await bucket.presignUpload(uploadObjectKey(key), input.contentType, services.clock());
  return {
    key,
    url: upload.url,
    fields: Object.entries(upload.fields).map(([name, value]) => ({ name, value })),
    expiresAt: upload.expiresAt.toISOString(),
  };
}
