import sharp from 'sharp';

/** A 64×48 JPEG carrying EXIF with a device and a GPS position, as phones write them. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'TP-1', Software: 'camera 1.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 46/1 3192/100', GPSLongitudeRef: 'E', GPSLongitude: '115/1 1/1 2172/100' },
    })
    .toBuffer();
}

export interface PhotoUploadGrant {
  id: string;
  key: string;
  url: string;
  fields: { name: string; value: string }[];
  expiresAt: string;
}

/** What a browser does with a grant: every field in order, then the file as `file`. */
export async function postUpload(grant: PhotoUploadGrant, body: Uint8Array, contentType: string): Promise<Response> {
  const form = new FormData();
  for (const field of grant.fields) form.append(field.name, field.value);
  form.append('file', new Blob([Buffer.from(body)], { type: contentType }), 'photo');
  return fetch(grant.url, { method: 'POST', body: form });
}
