import { Command } from '@nestjs/cqrs';
import type { AttachmentView } from '../attachment.dto';

/** The uploaded bytes (at most 10 MiB, read by the controller) and who uploaded them: their owner. */
export class UploadAttachmentCommand extends Command<AttachmentView> {
  constructor(
    readonly bytes: Buffer,
    readonly ownerId: string,
  ) {
    super();
  }
}
