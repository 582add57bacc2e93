import { BadRequestException, Controller, HttpCode, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { AttachmentDto, type AttachmentView } from '../attachment.dto';
import { Turnstile } from '../turnstile';
import { UploadAttachmentCommand } from './upload-attachment.command';
import { ApiErrors } from '../../http/api-docs';

/**
 * Uploads read at once: the others wait with their bodies unread (TCP holds them back), so a burst
 * of 20 phone photos keeps 4 bodies of ≤ 10 MiB in memory, not 20, while 2 of them decode.
 */
const reading = new Turnstile(4);

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class UploadAttachmentController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiErrors(
    [400, 'no `file` part'],
    401,
    [403, 'signed in by cookie without X-CSRF-Token'],
    [413, 'over 10 MiB, or too many pixels'],
    [415, 'not a JPEG, PNG or WebP image, or not multipart/form-data'],
  )
  @HttpCode(201)
  @ApiOperation({ summary: 'upload a photo (JPEG, PNG or WebP by content, ≤ 10 MiB); stored without EXIF/GPS, with a 320 px thumbnail' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentDto })
  async upload(@Req() request: FastifyRequest, @CurrentUser() user: Principal): Promise<AttachmentView> {
    if (!request.isMultipart()) throw new UnsupportedMediaTypeException('send the photo as multipart/form-data, in a field named file');
    return reading.run(async () => {
      // The plugin's limits (bootstrap.ts) stop reading at 10 MiB and answer 413: never more than that in memory.
      const part = await request.file();
      if (!part || part.fieldname !== 'file') throw new BadRequestException('file: send the photo in a multipart field named file');
      const bytes = await part.toBuffer();
      return this.bus.execute<UploadAttachmentCommand, AttachmentView>(new UploadAttachmentCommand(bytes, user.id));
    });
  }
}
