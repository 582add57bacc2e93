import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { ServiceProcess } from '@jinlin/testing';
import { signToken } from '../apps/api/src/infrastructure/jwt-secret';
import { benchDatabase, fmt, machine, percentile, recordSection } from './bench-support';

/**
 * SPEC §4.6 under load: CLIENTS residents each uploading 8 MiB phone photos to POST /attachments,
 * back to back, for SECONDS (or COUNT uploads), while the service's resident memory is sampled
 * from /proc every 100 ms. The goal is that memory stays flat: the multipart limit stops reading at
 * 10 MiB, and at most two photos are decoded at a time (the handler's turnstile).
 */
const SECONDS = Number(process.env.BENCH_UPLOAD_SECONDS ?? 20);
const COUNT = Number(process.env.BENCH_UPLOAD_COUNT ?? Infinity);
const CLIENTS = Number(process.env.BENCH_UPLOAD_CLIENTS ?? 20);
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const MiB = 2 ** 20;

/**
 * A 12-megapixel phone photo of about 8 MiB: a gradient under fine noise (sensor grain at phone
 * sharpening), JPEG at quality 92 with 4:4:4 chroma as high-end phones save them. Noise is what
 * makes a real photo large; a flat picture of that size would compress to a few hundred KiB.
 */
export async function phonePhoto(target = 8 * MiB): Promise<Buffer> {
  const [width, height] = [4000, 3000];
  const pixels = Buffer.alloc(width * height * 3);
  const noise = randomBytes(pixels.length);
  let amplitude = 0.45;
  for (let attempt = 0; attempt < 6; attempt++) {
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const base = [60 + (140 * x) / width, 90 + (100 * y) / height, 170 - (80 * x) / width];
        for (let c = 0; c < 3; c++) pixels[i + c] = Math.max(0, Math.min(255, base[c] + (noise[i + c] - 128) * amplitude));
      }
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
      .toBuffer();
    if (Math.abs(jpeg.length - target) < 0.04 * target) return jpeg;
    amplitude *= (target / jpeg.length) ** 1.3; // larger noise, larger file: a few steps get within 4 %
  }
  throw new Error(`could not make a JPEG of about ${target} bytes`);
}

/** Offsets of the quantisation tables' entries in a JPEG (DQT segments, 8-bit precision). */
function quantisationEntries(jpeg: Buffer): number[] {
  const entries: number[] = [];
  for (let at = 2; at + 4 < jpeg.length && jpeg[at] === 0xff;) {
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xdb)
      for (let t = at + 4; t < at + 2 + length; t += 65) {
        if (jpeg[t] >> 4 !== 0) break; // 16-bit tables: not what sharp writes
        for (let k = 1; k <= 64; k++) entries.push(t + k);
      }
    if (marker === 0xda) break; // start of scan: the header is over
    at += 2 + length;
  }
  return entries;
}

/**
 * One multipart body per client, the way a browser's FormData sends it. Before each upload three
 * high-frequency quantiser steps are set from a counter: the decoded pixels differ a little, so
 * every upload stores new bytes (identical photos would be stored once, by hash, and flatter).
 */
function clientBody(photo: Buffer, boundary: string) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="IMG_2026.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, photo, tail]);
  const steps = quantisationEntries(photo)
    .slice(-3)
    .map((at) => at + head.length);
  if (steps.length < 3) throw new Error('no quantisation table found in the photo');
  return (n: number): Buffer => {
    steps.forEach((at, k) => (body[at] = 2 + (Math.floor(n / 24 ** k) % 24)));
    return body;
  };
}

type Memory = { rss: number; hwm: number };
function memory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function send(url: string, token: string, body: Buffer, boundary: string): Promise<{ status: number; ms: number; sha256?: string }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${url}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), // a view, no copy
  });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { status: res.status, ms, sha256: res.status === 201 ? (JSON.parse(text) as { sha256: string }).sha256 : undefined };
}

async function main(): Promise<void> {
  const generatedAt = Date.now();
  const photo = await phonePhoto();
  const meta = await sharp(photo).metadata();
  process.stdout.write(
    `photo: ${meta.width} × ${meta.height} JPEG, ${fmt(photo.length)} bytes (${(photo.length / MiB).toFixed(2)} MiB), made in ${((Date.now() - generatedAt) / 1000).toFixed(1)} s\n`,
  );
  const db = await benchDatabase('upload');
  const service = await ServiceProcess.start(db.url, SECRET, { LOG_LEVEL: 'warn', TIMERS_RUN: 'false' });
  const samples: { at: number; rss: number }[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const pid = service.pid!;
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => signToken(SECRET, { sub: `res-${i}`, roles: ['resident'], communities: ['qianpu'] })),
    );
    const boundary = `----jinlin-bench-${randomBytes(8).toString('hex')}`;
    const bodies = tokens.map(() => clientBody(photo, boundary));
    await new Promise((r) => setTimeout(r, 1000));
    const idle = memory(pid).rss; // after start-up, before any upload

    // Warm-up: one upload, alone, so sharp's and the pool's first-use costs are not in the load.
    const warm = await send(service.url, tokens[0], bodies[0](0), boundary);
    if (warm.status !== 201) throw new Error(`warm-up upload answered ${warm.status}`);
    const beforeLoad = memory(pid).rss;

    let counter = 1;
    const times: number[] = [];
    const hashes = new Set<string>();
    let failed = 0;
    let sent = 0;
    const started = Date.now();
    sampler = setInterval(() => {
      try {
        samples.push({ at: Date.now() - started, rss: memory(pid).rss });
      } catch {
        /* exited */
      }
    }, 100);
    const until = started + SECONDS * 1000;
    await Promise.all(
      tokens.map(async (token, c) => {
        while (Date.now() < until && sent < COUNT) {
          sent++;
          const r = await send(service.url, token, bodies[c](counter++), boundary);
          if (r.status === 201) {
            times.push(r.ms);
            hashes.add(r.sha256!);
          } else failed++;
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const peakHwm = memory(pid).hwm;
    const peakSampled = Math.max(...samples.map((s) => s.rss));
    const half = elapsed * 500;
    const peakFirst = Math.max(...samples.filter((s) => s.at < half).map((s) => s.rss));
    const peakSecond = Math.max(...samples.filter((s) => s.at >= half).map((s) => s.rss));
    await new Promise((r) => setTimeout(r, 2000));
    const after = memory(pid).rss;

    // Over the limit: 11 MiB of a JPEG's first bytes and padding. The plugin stops reading at 10 MiB.
    const large = Buffer.concat([photo, Buffer.alloc(11 * MiB - photo.length, 7)]);
    const tooLarge: { status: number; ms: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      tooLarge.push(await send(service.url, tokens[0], Buffer.concat([head, large, Buffer.from(`\r\n--${boundary}--\r\n`)]), boundary));
    }
    const refusedMs = percentile(
      tooLarge.map((r) => r.ms).sort((a, b) => a - b),
      50,
    );
    const refusedStatus = [...new Set(tooLarge.map((r) => r.status))].join(', ');
    const afterRefusals = memory(pid);

    times.sort((a, b) => a - b);
    const ok = times.length;
    const rate = ok / elapsed;
    const mbps = (ok * photo.length) / MiB / elapsed;
    const rows = [
      [
        `POST /attachments, ${CLIENTS} clients × ${(photo.length / MiB).toFixed(2)} MiB JPEG (${meta.width} × ${meta.height}), ${elapsed.toFixed(1)} s, ${fmt(ok)} uploads`,
        rate.toFixed(2),
        mbps.toFixed(1),
        (percentile(times, 50) / 1000).toFixed(2),
        (percentile(times, 99) / 1000).toFixed(2),
      ],
      [`11 MiB upload refused (${refusedStatus}), median of 5, one at a time`, '', '', (refusedMs / 1000).toFixed(3), ''],
    ];
    const table = [
      '| measure | uploads/s | MiB/s | p50 s | p99 s |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    const memoryTable = [
      '| service RSS | MB |',
      '| --- | ---: |',
      `| idle, after start-up | ${idle.toFixed(0)} |`,
      `| after one warm-up upload, before the load | ${beforeLoad.toFixed(0)} |`,
      `| peak during the load, sampled every 100 ms (first half / second half) | ${peakSampled.toFixed(0)} (${peakFirst.toFixed(0)} / ${peakSecond.toFixed(0)}) |`,
      `| peak ever (VmHWM) at the end of the load | ${peakHwm.toFixed(0)} |`,
      `| 2 s after the load | ${after.toFixed(0)} |`,
      `| after the five refused 11 MiB uploads (VmHWM) | ${afterRefusals.rss.toFixed(0)} (${afterRefusals.hwm.toFixed(0)}) |`,
    ].join('\n');
    const summary = `Failed uploads: ${failed}; distinct stored photos: ${fmt(hashes.size)} of ${fmt(ok)}. Peak RSS ${mb(Math.max(peakHwm, peakSampled))} against ${mb(beforeLoad)} before the load (+${mb(Math.max(peakHwm, peakSampled) - beforeLoad)}, ${((Math.max(peakHwm, peakSampled) - beforeLoad) / (photo.length / MiB)).toFixed(1)} photos' worth while ${CLIENTS} were in flight); the second half's peak ${peakSecond <= peakFirst * 1.1 ? 'is within 10 % of' : 'exceeds'} the first half's: ${peakSecond <= peakFirst * 1.1 ? 'flat, not growing with the uploads' : 'memory grows under the load'}.`;
    process.stdout.write(`\n${table}\n\n${memoryTable}\n\n${summary}\n`);
    recordSection(
      'upload',
      `## Photo uploads (\`npm run bench:upload\`)\n\n${new Date().toISOString().slice(0, 10)}, ${machine()}, ${db.server}; service as a child process (LOG_LEVEL=warn, blobs in PostgreSQL), ${CLIENTS} clients from the same machine each uploading back to back; latency is the whole upload, sending 8 MiB included, and the service decodes two photos at a time, so most of it is queueing.\n\n${table}\n\n${memoryTable}\n\n${summary} Each upload's photo differs in three quantiser steps, so every one is decoded, re-encoded and stored anew (identical photos would be stored once).`,
    );
  } finally {
    if (sampler) clearInterval(sampler);
    await service.stop();
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}
