import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRef } from '@jinlin/domain';
import { BLOB_STORE, type BlobStore } from './blob-store';
import type { ProcessedPhoto } from './image';

export type AttachmentRow = Readonly<{
  id: string;
  ownerId: string;
  sha256: string;
  thumbSha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  createdAt: Date;
  attachedToTicket: string | null;
  attachedEvent: string | null;
  internal: boolean;
}>;

/** What an upload is attached to: the ticket, the event that attaches it, and whether that is an internal comment. */
export type AttachTarget = Readonly<{ ticketId: string; event: string; internal: boolean }>;

/** Not the projections' (7001) nor the timers' (7002) class: one blob hash, while it is written or judged unused. */
const BLOB_LOCK_CLASS = 7_003;

const COLUMNS = `id, owner_id AS "ownerId", sha256, thumb_sha256 AS "thumbSha256", mime, bytes, width, height, created_at AS "createdAt",
  attached_to_ticket AS "attachedToTicket", attached_event AS "attachedEvent", internal`;

const refused = (message: string) => new BadRequestException({ message, code: 'ATTACHMENT_REFUSED' });

/**
 * The attachments table and the blobs behind it. A blob is written and an attachment row made for
 * it under the hash's advisory lock, and the expiry deletes a blob only under the same lock once no
 * row names it: an upload of the same photo at the moment of expiry never loses its bytes.
 */
@Injectable()
export class AttachmentStore {
  constructor(
    private readonly db: DataSource,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async save(ownerId: string, { image, thumbnail }: ProcessedPhoto): Promise<AttachmentRow> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await lockHashes(tx, [image.sha256, thumbnail.sha256]);
      await this.blobs.put(image.sha256, image.bytes);
      await this.blobs.put(thumbnail.sha256, thumbnail.bytes);
      await tx.query(
        `INSERT INTO attachments (id, owner_id, sha256, thumb_sha256, mime, bytes, width, height) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, ownerId, image.sha256, thumbnail.sha256, image.mime, image.bytes.length, image.width, image.height],
      );
    });
    return (await this.find(id))!;
  }

  async find(id: string): Promise<AttachmentRow | null> {
    const rows: AttachmentRow[] = await this.db.query(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The uploads an event attached to a ticket, in the order they were given. */
  async ofEvent(ticketId: string, event: string): Promise<AttachmentRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM attachments WHERE attached_to_ticket = $1 AND attached_event = $2 ORDER BY attached_at, attach_order`,
      [ticketId, event],
    );
  }

  blob(sha256: string): Promise<Buffer | null> {
    return this.blobs.get(sha256);
  }

  /**
   * Marks `ids` attached and runs `append` (the command that carries them) before committing: the
   * rows stay locked meanwhile, so two commands cannot attach one upload, and a refused or failed
   * command leaves them unattached. An id that is not the owner's own unattached upload is a 400.
   */
  attach<T>(ids: readonly string[], ownerId: string, target: AttachTarget, append: (refs: AttachmentRef[]) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const rows: AttachmentRow[] = await tx.query(`SELECT ${COLUMNS} FROM attachments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
        ids,
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const row = byId.get(id);
        // Another's upload reads as unknown: whether it exists is not the caller's business.
        if (!row || row.ownerId !== ownerId)
          throw refused(`attachmentIds: ${id} is not an upload of yours (unknown, expired or someone else's)`);
        if (row.attachedToTicket !== null) throw refused(`attachmentIds: ${id} is already attached`);
      }
      await tx.query(
        `UPDATE attachments SET attached_to_ticket = $2, attached_event = $3, internal = $4, attached_at = now(),
           attach_order = array_position($1::uuid[], id) WHERE id = ANY($1::uuid[])`,
        [ids, target.ticketId, target.event, target.internal],
      );
      return append(ids.map((id) => refOf(byId.get(id)!)));
    });
  }

  /** Deletes uploads never attached and older than `cutoff`, then the blobs no row uses any more. */
  async expire(cutoff: Date): Promise<{ attachments: number; blobs: number }> {
    const gone: { sha256: string; thumb_sha256: string }[] = await this.db.query(
      // A SELECT over the DELETE, so the driver answers rows (a bare DELETE … RETURNING comes back as [rows, count]).
      `WITH gone AS (DELETE FROM attachments WHERE attached_to_ticket IS NULL AND created_at < $1 RETURNING sha256, thumb_sha256)
       SELECT sha256, thumb_sha256 FROM gone`,
      [cutoff],
    );
    let blobs = 0;
    for (const sha256 of new Set(gone.flatMap((g) => [g.sha256, g.thumb_sha256]))) {
      await this.db.transaction(async (tx) => {
        await lockHashes(tx, [sha256]);
        const used = await tx.query(`SELECT 1 FROM attachments WHERE sha256 = $1 OR thumb_sha256 = $1 LIMIT 1`, [sha256]);
        if (used.length) return;
        await this.blobs.delete(sha256);
        blobs++;
      });
    }
    return { attachments: gone.length, blobs };
  }
}

const refOf = (r: AttachmentRow): AttachmentRef => ({ id: r.id, sha256: r.sha256, mime: r.mime, width: r.width, height: r.height });

/** In a fixed order, so two uploads of the same pair of hashes cannot deadlock. */
async function lockHashes(tx: EntityManager, hashes: string[]): Promise<void> {
  for (const h of [...new Set(hashes)].sort()) await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BLOB_LOCK_CLASS, h]);
}
