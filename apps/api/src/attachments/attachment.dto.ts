import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentRow } from './attachment-store';

export type AttachmentView = Readonly<{ id: string; sha256: string; mime: string; bytes: number; width: number; height: number }>;

export class AttachmentDto implements AttachmentView {
  @ApiProperty({
    format: 'uuid',
    description: 'pass it in attachmentIds within 24 hours, or the upload is deleted',
    example: '5b0f7a52-2c3e-4b8e-9a61-1f2d3c4b5a69',
  })
  id: string;
  @ApiProperty({
    description: 'sha256 (hex) of the stored, re-encoded image; also its ETag',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) mime: string;
  @ApiProperty({ description: 'size of the stored image', example: 284113 }) bytes: number;
  @ApiProperty({ example: 1600 }) width: number;
  @ApiProperty({ example: 1200 }) height: number;
}

export const attachmentView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  sha256: r.sha256,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
});
