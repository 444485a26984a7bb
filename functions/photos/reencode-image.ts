import sharp from 'sharp';
import { NotAnImageError, type ReencodedImage } from '../app/photos/process-upload';

/** Decoding stops past this many pixels (a 10 MB file can still claim gigapixels: a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Re-encodes with sharp (libvips): the output holds the pixels, turned upright by the EXIF
 * orientation first, and none of the input's metadata (EXIF with its GPS position and device,
 * XMP, IPTC, ICC profile: sharp writes none unless asked). JPEG, PNG and WebP keep their format;
 * HEIF is written as JPEG, which every browser shows. Anything libvips cannot decode, or decodes
 * as another format (GIF, TIFF, SVG, PDF…), is NotAnImageError.
 */
export async function reencodeImage(input: Uint8Array): Promise<ReencodedImage> {
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let format: string | undefined;
  try {
    format = (await image.metadata()).format;
  } catch (error) {
    throw new NotAnImageError('cannot be decoded', { cause: error });
  }
  const upright = image.rotate();
  try {
    switch (format) {
      case 'jpeg':
        return { body: await upright.jpeg({ quality: 85, mozjpeg: true }).toBuffer(), contentType: 'image/jpeg' };
      case 'png':
        return { body: await upright.png().toBuffer(), contentType: 'image/png' };
      case 'webp':
        return { body: await upright.webp({ quality: 85 }).toBuffer(), contentType: 'image/webp' };
      case 'heif':
        return { body: await upright.jpeg({ quality: 85, mozjpeg: true }).toBuffer(), contentType: 'image/jpeg' };
      default:
        throw new NotAnImageError(`format ${format ?? 'unknown'} is not accepted`);
    }
  } catch (error) {
    if (error instanceof NotAnImageError) throw error;
    throw new NotAnImageError('cannot be decoded', { cause: error });
  }
}
