import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';

// Every photo is decoded once: libvips' operation cache would only keep decoded pixels alive.
sharp.cache(false);

/** SPEC §4.6: what a photo may be, judged by its bytes (sharp's format), never by the declared type. */
const ACCEPTED = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Accepted = keyof typeof ACCEPTED;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A small file may still decode to a huge picture (a "decompression bomb"): refused before decoding. */
export const MAX_PIXELS = 64_000_000;
export const THUMBNAIL_PX = 320;

export type StoredImage = Readonly<{ bytes: Buffer; sha256: string; mime: string; width: number; height: number }>;
export type ProcessedPhoto = Readonly<{ image: StoredImage; thumbnail: StoredImage }>;

export class NotAnImage extends Error {}
export class TooManyPixels extends Error {}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const stored = (bytes: Buffer, mime: string, width: number, height: number): StoredImage => ({
  bytes,
  sha256: sha256(bytes),
  mime,
  width,
  height,
});

/** The format by content: a JPEG, PNG or WebP, or NotAnImage (also for GIF, SVG, TIFF, HEIF …). */
export async function sniff(bytes: Buffer): Promise<{ format: Accepted; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new NotAnImage('the file is not an image');
  }
  if (!meta.format || !(meta.format in ACCEPTED))
    throw new NotAnImage(`the file is ${meta.format ?? 'unknown'}, not a JPEG, PNG or WebP image`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw new TooManyPixels(`the image has more than ${MAX_PIXELS} pixels`);
  return { format: meta.format as Accepted, width: meta.width!, height: meta.height! };
}

/**
 * Re-encodes in the same format with no metadata at all (sharp keeps none unless asked: EXIF, GPS,
 * XMP, comments go), turned upright first so the EXIF orientation is applied rather than lost, and
 * makes a WebP thumbnail that fits in 320 × 320. The hashes are of what is stored.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  const { format } = await sniff(bytes);
  let upright: Sharp;
  try {
    upright = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const encoded =
      format === 'jpeg'
        ? upright.jpeg({ quality: 85 })
        : format === 'png'
          ? upright.png({ compressionLevel: 8 })
          : upright.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const image = stored(data, ACCEPTED[format], info.width, info.height);
    const thumb = await sharp(data)
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { image, thumbnail: stored(thumb.data, 'image/webp', thumb.info.width, thumb.info.height) };
  } catch (error) {
    if (error instanceof NotAnImage || error instanceof TooManyPixels) throw error;
    throw new NotAnImage(`the image cannot be read: ${(error as Error).message}`);
  }
}
