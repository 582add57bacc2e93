import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';

export const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A path that cannot name a ticket is simply no ticket (404), like one outside the caller's scope. */
@Injectable()
export class TicketIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!TICKET_ID.test(value)) throw new DomainError('TICKET_NOT_FOUND');
    return value;
  }
}
