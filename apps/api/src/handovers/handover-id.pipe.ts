import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';

const HANDOVER_ID = /^[a-z0-9-]{2,64}-h\d{1,6}$/;

export class HandoverIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!HANDOVER_ID.test(value)) throw new DomainError('HANDOVER_NOT_FOUND');
    return value;
  }
}
