import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';

export type AttachmentContent = Readonly<{ bytes: Buffer; sha256: string; mime: string }>;

export class GetAttachmentQuery extends Query<AttachmentContent> {
  constructor(
    readonly id: string,
    readonly variant: 'image' | 'thumbnail',
    readonly user: Principal,
  ) {
    super();
  }
}
