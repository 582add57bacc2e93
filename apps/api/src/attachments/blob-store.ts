import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';

/** Bytes by their sha256 (hex). `put` of a hash already stored is a no-op: content is its own name. */
export interface BlobStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
  delete(sha256: string): Promise<void>;
}

export const BLOB_STORE = Symbol('BlobStore');

const SHA256 = /^[0-9a-f]{64}$/;
function checked(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return sha256;
}

/** The default: one row per hash in `blobs`, beside the rest of the service's data (one backup). */
export class PostgresBlobStore implements BlobStore {
  constructor(private readonly db: DataSource | EntityManager) {}

  async put(sha256: string, bytes: Buffer): Promise<void> {
    await this.db.query(`INSERT INTO blobs (sha256, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [
      checked(sha256),
      bytes,
      bytes.length,
    ]);
  }

  async get(sha256: string): Promise<Buffer | null> {
    const rows: { bytes: Buffer }[] = await this.db.query(`SELECT bytes FROM blobs WHERE sha256 = $1`, [checked(sha256)]);
    return rows[0]?.bytes ?? null;
  }

  async delete(sha256: string): Promise<void> {
    await this.db.query(`DELETE FROM blobs WHERE sha256 = $1`, [checked(sha256)]);
  }
}

/**
 * BLOB_DIR: files named by hash under two-character folders (ab/abcd…), written to a temporary
 * name and renamed, so a reader never sees half a file and two writers of one hash agree.
 */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  private path(sha256: string): string {
    return join(this.dir, checked(sha256).slice(0, 2), sha256);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const path = this.path(sha256);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }
}

export const createBlobStore = (db: DataSource, blobDir: string | null): BlobStore =>
  blobDir ? new FileBlobStore(blobDir) : new PostgresBlobStore(db);
