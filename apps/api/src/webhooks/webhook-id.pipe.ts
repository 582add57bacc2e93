import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';
import { SLUG } from '../http/validation-decorators';

/** Webhook ids are slugs: a path that is not one names none (404), and never reaches the database. */
@Injectable()
export class WebhookIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SLUG.test(value)) throw new DomainError('WEBHOOK_NOT_FOUND');
    return value;
  }
}
