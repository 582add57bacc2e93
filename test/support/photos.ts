import sharp from 'sharp';
import type { TestApp } from './test-app';

/** A phone photo as phones make them: EXIF with the make and a GPS position, turned by orientation 6. */
export const gpsJpeg = (width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .withMetadata({
      orientation: 6,
      exif: { IFD0: { Make: 'Xiaomi', Model: '14 Ultra' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 29/1 3/1' } },
    })
    .jpeg()
    .toBuffer();

export const pngOf = (width = 64, height = 64) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 160, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();

export type Upload = Readonly<{ status: number; body: any; headers: Headers }>;

/** POST /attachments with a real multipart body, as a browser's FormData sends it. */
export async function upload(t: TestApp, token: string, bytes: Buffer, type = 'image/jpeg', name = 'photo.jpg'): Promise<Upload> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${t.url}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** GET an attachment (or its thumbnail) as bytes. */
export async function download(t: TestApp, token: string, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
