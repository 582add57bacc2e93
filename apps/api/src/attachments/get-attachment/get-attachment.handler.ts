import { NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { seesInternal, type Principal } from '@jinlin/domain';
import { findTicket } from '@jinlin/projections';
import { AttachmentStore, type AttachmentRow } from '../attachment-store';
import { GetAttachmentQuery, type AttachmentContent } from './get-attachment.query';

const notFound = () => new NotFoundException({ message: 'no such attachment', code: 'ATTACHMENT_NOT_FOUND' });

/**
 * A photo is seen exactly by whoever sees its ticket (the ticket list's own scope), and one of an
 * internal comment only by those who see internal comments; an unattached upload by its uploader.
 */
@QueryHandler(GetAttachmentQuery)
export class GetAttachmentHandler implements IQueryHandler<GetAttachmentQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly attachments: AttachmentStore,
  ) {}

  async execute({ id, variant, user }: GetAttachmentQuery): Promise<AttachmentContent> {
    const row = await this.attachments.find(id);
    if (!row || !(await this.maySee(user, row))) throw notFound();
    const sha256 = variant === 'image' ? row.sha256 : row.thumbSha256;
    const bytes = await this.attachments.blob(sha256);
    if (!bytes) throw notFound();
    return { bytes, sha256, mime: variant === 'image' ? row.mime : 'image/webp' };
  }

  private async maySee(user: Principal, row: AttachmentRow): Promise<boolean> {
    if (row.attachedToTicket === null) return row.ownerId === user.id;
    const ticket = await findTicket(this.db, user, row.attachedToTicket);
    if (!ticket) return false;
    return (
      !row.internal ||
      // A neighbour's view of a community ticket (no companyId) never includes internal photos.
      ('companyId' in ticket &&
        seesInternal(user, { communityId: ticket.communityId, reporterId: ticket.reporterId, managingCompanyId: ticket.companyId }))
    );
  }
}
