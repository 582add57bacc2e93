import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { MAX_ATTACHMENTS } from '@jinlin/domain';

/** `attachmentIds?`: up to nine ids of the caller's own unattached uploads (POST /attachments). */
export const IsAttachmentIds = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_ATTACHMENTS,
      description: 'photos uploaded with POST /attachments by the caller and not yet attached',
      example: [],
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_ATTACHMENTS),
    ArrayUnique(),
    IsUUID('all', { each: true, message: 'each of $property must be an upload id (a UUID)' }),
  );
