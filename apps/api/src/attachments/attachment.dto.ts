import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentRow } from './attachment-store';

export type AttachmentView = Readonly<{ id: string; sha256: string; mime: string; bytes: number; width: number; height: number }>;

export class AttachmentDto implements AttachmentView {
  @ApiProperty({ format: 'uuid', description: 'pass it in attachmentIds within 24 hours, or the upload is deleted' }) id: string;
  @ApiProperty({ description: 'sha256 (hex) of the stored, re-encoded image; also its ETag' }) sha256: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) mime: string;
  @ApiProperty({ description: 'size of the stored image' }) bytes: number;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
}

export const attachmentView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  sha256: r.sha256,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
});
