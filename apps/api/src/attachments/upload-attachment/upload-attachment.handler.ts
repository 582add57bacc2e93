import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AttachmentStore } from '../attachment-store';
import { attachmentView, type AttachmentView } from '../attachment.dto';
import { NotAnImage, processPhoto, TooManyPixels } from '../image';
import { Turnstile } from '../turnstile';
import { UploadAttachmentCommand } from './upload-attachment.command';

/** Decoding a photo takes some ten times its file size in memory: two at a time keep the service's memory flat under a burst. */
const decoding = new Turnstile(2);

@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachmentCommand> {
  constructor(private readonly attachments: AttachmentStore) {}

  async execute({ bytes, ownerId }: UploadAttachmentCommand): Promise<AttachmentView> {
    const photo = await decoding
      .run(() => processPhoto(bytes))
      .catch((error: unknown) => {
        if (error instanceof NotAnImage)
          throw new UnsupportedMediaTypeException({ message: `file: ${error.message}`, code: 'NOT_AN_IMAGE' });
        if (error instanceof TooManyPixels)
          throw new PayloadTooLargeException({ message: `file: ${error.message}`, code: 'TOO_MANY_PIXELS' });
        throw error;
      });
    return attachmentView(await this.attachments.save(ownerId, photo));
  }
}
