import { Controller, Get, Headers, NotFoundException, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { GetAttachmentQuery } from './get-attachment.query';

const PHOTO = { description: 'the image', content: { 'image/jpeg': {}, 'image/png': {}, 'image/webp': {} } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id that cannot be an upload's is as unknown as any other: 404. */
const uuid: PipeTransform<string, string> = {
  transform(value: string) {
    if (!UUID.test(value)) throw new NotFoundException({ message: 'no such attachment', code: 'ATTACHMENT_NOT_FOUND' });
    return value;
  },
};

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class GetAttachmentController {
  constructor(
    private readonly bus: QueryBus,
    private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: 'a photo, as stored (no metadata): for whoever may see its ticket (and internal comment); its uploader while unattached',
  })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until this global position is projected' })
  @ApiOkResponse(PHOTO)
  @ApiNotFoundResponse({ description: 'unknown, or not the caller’s to see' })
  image(
    @Param('id', uuid) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Headers('jinlin-min-position') header: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(new GetAttachmentQuery(id, 'image', user), minPosition ?? header, reply);
  }

  @Get(':id/thumbnail')
  @ApiOperation({ summary: 'the photo’s thumbnail (WebP, at most 320 px), seen by the same people as the photo' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until this global position is projected' })
  @ApiOkResponse({ description: 'the thumbnail', content: { 'image/webp': {} } })
  @ApiNotFoundResponse({ description: 'unknown, or not the caller’s to see' })
  thumbnail(
    @Param('id', uuid) id: string,
    @CurrentUser() user: Principal,
    @Query('minPosition') minPosition: string | undefined,
    @Headers('jinlin-min-position') header: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(new GetAttachmentQuery(id, 'thumbnail', user), minPosition ?? header, reply);
  }

  /** Content-addressed, so the hash is a strong ETag; private, since who may see it depends on who asks. */
  private async send(query: GetAttachmentQuery, minPosition: string | undefined, reply: FastifyReply): Promise<Buffer> {
    await this.ryw.wait(minPosition, reply, ['tickets', 'reference-data']);
    const { bytes, sha256, mime } = await this.bus.execute(query);
    void reply.header('content-type', mime).header('etag', `"${sha256}"`).header('cache-control', 'private, max-age=86400');
    return bytes;
  }
}
