import { Controller, Get, Headers, NotFoundException, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../../http/current-user.decorator';
import { ReadYourWrites } from '../../http/read-your-writes';
import { GetAttachmentQuery } from './get-attachment.query';
import { ApiErrors } from '../../http/api-docs';

const BINARY = { schema: { type: 'string', format: 'binary' } };
/** Content-addressed: the sha256 is a strong ETag. */
const HEADERS = {
  ETag: {
    description: 'the sha256 of the bytes, quoted',
    schema: { type: 'string', example: '"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"' },
  },
};
const PHOTO = { description: 'the image', headers: HEADERS, content: { 'image/jpeg': BINARY, 'image/png': BINARY, 'image/webp': BINARY } };
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
  @ApiErrors(400, 401, [404, 'unknown, or not the caller’s to see'])
  @ApiOperation({
    summary: 'a photo, as stored (no metadata): for whoever may see its ticket (and internal comment); its uploader while unattached',
  })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until this global position is projected' })
  @ApiOkResponse(PHOTO)
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
  @ApiErrors(400, 401, [404, 'unknown, or not the caller’s to see'])
  @ApiOperation({ summary: 'the photo’s thumbnail (WebP, at most 320 px), seen by the same people as the photo' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until this global position is projected' })
  @ApiOkResponse({ description: 'the thumbnail', headers: HEADERS, content: { 'image/webp': BINARY } })
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
