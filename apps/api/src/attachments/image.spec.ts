import sharp from 'sharp';
import { NotAnImage, processPhoto, sniff, THUMBNAIL_PX, TooManyPixels } from './image';

const GPS_EXIF = { IFD0: { Make: 'Xiaomi', Model: '14' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 29/1 0/1' } };
const photo = (format: 'jpeg' | 'png' | 'webp', width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .withMetadata({ exif: GPS_EXIF, orientation: 6 })
    .toFormat(format)
    .toBuffer();

describe('judging a photo by its content', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('when the bytes are a %s, it is accepted', async (format) =>
    expect((await sniff(await photo(format))).format).toBe(format),
  );
  it('when the bytes are text, it is not an image', () => expect(sniff(Buffer.from('hello, 你好'))).rejects.toBeInstanceOf(NotAnImage));
  it('when the bytes are a GIF, it is refused though it is an image', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    await expect(sniff(gif)).rejects.toThrow(/gif, not a JPEG/);
  });
  it('when the bytes are an SVG, it is refused', () =>
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).rejects.toBeInstanceOf(NotAnImage));
  it('when a small PNG claims a huge picture, it is refused before decoding', async () => {
    const huge = await sharp({ create: { width: 9000, height: 8000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(sniff(huge)).rejects.toBeInstanceOf(TooManyPixels);
  });
  it('when a JPEG is cut short, it is not an image', async () => {
    const jpeg = await photo('jpeg');
    await expect(processPhoto(jpeg.subarray(0, 200))).rejects.toBeInstanceOf(NotAnImage);
  });
});

describe('re-encoding', () => {
  it('when a phone photo carries EXIF and GPS, the stored image has no metadata and is turned upright', async () => {
    const input = await photo('jpeg');
    expect((await sharp(input).metadata()).exif?.toString('latin1')).toContain('Xiaomi');
    const { image } = await processPhoto(input);
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect({ width: image.width, height: image.height, mime: image.mime }).toEqual({ width: 800, height: 1200, mime: 'image/jpeg' });
  });
  it.each(['png', 'webp'] as const)('when a %s comes, it is stored in its own format', async (format) =>
    expect((await processPhoto(await photo(format))).image.mime).toBe(`image/${format}`),
  );
  it('when a photo is large, its thumbnail fits in 320 px', async () => {
    const { thumbnail } = await processPhoto(await photo('jpeg', 4000, 3000));
    expect(Math.max(thumbnail.width, thumbnail.height)).toBe(THUMBNAIL_PX);
    expect((await sharp(thumbnail.bytes).metadata()).format).toBe('webp');
  });
  it('when a photo is smaller than a thumbnail, the thumbnail is not enlarged', async () => {
    const { thumbnail } = await processPhoto(await photo('png', 100, 50));
    expect([thumbnail.width, thumbnail.height]).toEqual([50, 100]);
  });
  it('when the same photo comes twice, the stored bytes hash the same', async () => {
    const bytes = await photo('jpeg');
    expect((await processPhoto(bytes)).image.sha256).toBe((await processPhoto(bytes)).image.sha256);
  });
});
