import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';

/** A path that cannot name a notification is simply none of yours (404), like another person's. */
@Injectable()
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[1-9]\d{0,17}$/.test(value)) throw new DomainError('NOTIFICATION_NOT_FOUND');
    return value;
  }
}
