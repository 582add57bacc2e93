import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';
import { SLUG } from '../http/validation-decorators';

/** Community ids are slugs: a path that is not one names no community (404), and never reaches the database. */
@Injectable()
export class CommunityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SLUG.test(value)) throw new DomainError('COMMUNITY_NOT_FOUND');
    return value;
  }
}
