import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRef } from '@jinlin/domain';
import { EVENT_STORE, type Checkpoint, type EventStore } from '@jinlin/event-store';
import { earliest, referencesIn, type AttachmentReference } from './attachment-references';
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

/** How long one sweep waits for the log to hand out every event committed before it began. */
const LOG_READ_MS = 10_000;

export type Expired = { attachments: number; blobs: number; reattached: number };

/**
 * The attachments table and the blobs behind it. A blob is written and an attachment row made for
 * it under the hash's advisory lock, and the expiry deletes a blob only under the same lock once no
 * row names it: an upload of the same photo at the moment of expiry never loses its bytes.
 *
 * The row's flag is not the last word on whether an upload is attached: the attaching event is
 * appended before the transaction that marks the row commits, and that commit can be lost. So
 * the expiry reads the log (after the head the upload was saved at) before it deletes anything,
 * and marks attached what an event names.
 */
@Injectable()
export class AttachmentStore {
  constructor(
    private readonly db: DataSource,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly log: EventStore,
  ) {}

  async save(ownerId: string, { image, thumbnail }: ProcessedPhoto): Promise<AttachmentRow> {
    const id = randomUUID();
    // Taken before the row exists: an event naming this upload is appended after it, so it lies after this head.
    const head = await this.log.head();
    await this.db.transaction(async (tx) => {
      await lockHashes(tx, [image.sha256, thumbnail.sha256]);
      await this.blobs.put(image.sha256, image.bytes);
      await this.blobs.put(thumbnail.sha256, thumbnail.bytes);
      await tx.query(
        `INSERT INTO attachments (id, owner_id, sha256, thumb_sha256, mime, bytes, width, height, log_checkpoint, log_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          ownerId,
          image.sha256,
          thumbnail.sha256,
          image.mime,
          image.bytes.length,
          image.width,
          image.height,
          head.checkpoint,
          head.position,
        ],
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
      const rows: (AttachmentRow & { expiring: boolean })[] = await tx.query(
        `SELECT ${COLUMNS}, expiring_at IS NOT NULL AS expiring FROM attachments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const row = byId.get(id);
        // Another's upload reads as unknown: whether it exists is not the caller's business. One the
        // expiry has taken (it is reading the log to delete it) is as good as gone.
        if (!row || row.ownerId !== ownerId || (row.expiring && row.attachedToTicket === null))
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

  /**
   * Deletes uploads never attached and older than `cutoff`, then the blobs no row uses any more;
   * marks attached instead those that a stored event names. In three steps: the old unattached
   * rows are marked expiring (waiting for any attach holding them), so no command can attach them
   * from then on; the log is read up to its head after that, which holds every event that could
   * name them; then what an event names is marked attached and the rest deleted. A sweep whose log
   * read cannot finish in time (an old transaction holds PostgreSQL's read horizon) decides
   * nothing; the rows stay expiring for the next one.
   */
  async expire(cutoff: Date): Promise<Expired> {
    await this.db.query(
      `UPDATE attachments SET expiring_at = now() WHERE attached_to_ticket IS NULL AND expiring_at IS NULL AND created_at < $1`,
      [cutoff],
    );
    const candidates: { id: string; checkpoint: Checkpoint | null; position: string | null }[] = await this.db.query(
      `SELECT id, log_checkpoint AS checkpoint, log_position AS position FROM attachments
        WHERE attached_to_ticket IS NULL AND expiring_at IS NOT NULL`,
    );
    if (!candidates.length) return { attachments: 0, blobs: 0, reattached: 0 };
    const until = await this.log.head();
    const from = await earliest(
      this.log,
      candidates.map((c) => ({ checkpoint: c.checkpoint, position: Number(c.position ?? 0) })),
    );
    const named = await referencesIn(this.log, new Set(candidates.map((c) => c.id)), from, until, Date.now() + LOG_READ_MS);
    if (!named) return { attachments: 0, blobs: 0, reattached: 0 };
    for (const [id, ref] of named) await this.reattach(id, ref);
    const unnamed = candidates.map((c) => c.id).filter((id) => !named.has(id));
    const gone: { sha256: string; thumb_sha256: string }[] = await this.db.query(
      // A SELECT over the DELETE, so the driver answers rows (a bare DELETE … RETURNING comes back as [rows, count]).
      `WITH gone AS (DELETE FROM attachments WHERE id = ANY($1::uuid[]) AND attached_to_ticket IS NULL AND expiring_at IS NOT NULL
                     RETURNING sha256, thumb_sha256)
       SELECT sha256, thumb_sha256 FROM gone`,
      [unnamed],
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
    return { attachments: gone.length, blobs, reattached: named.size };
  }

  /** As attach() would have marked it, had its commit not been lost. */
  private async reattach(id: string, ref: AttachmentReference): Promise<void> {
    await this.db.query(
      `UPDATE attachments SET attached_to_ticket = $2, attached_event = $3, internal = $4, attached_at = now(), attach_order = $5, expiring_at = NULL
        WHERE id = $1 AND attached_to_ticket IS NULL`,
      [id, ref.ticketId, ref.event, ref.internal, ref.order],
    );
  }
}

const refOf = (r: AttachmentRow): AttachmentRef => ({ id: r.id, sha256: r.sha256, mime: r.mime, width: r.width, height: r.height });

/** In a fixed order, so two uploads of the same pair of hashes cannot deadlock. */
async function lockHashes(tx: EntityManager, hashes: string[]): Promise<void> {
  for (const h of [...new Set(hashes)].sort()) await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BLOB_LOCK_CLASS, h]);
}
