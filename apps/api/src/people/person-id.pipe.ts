import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jinlin/domain';
import { SLUG } from '../http/validation-decorators';

/** Person ids are slugs: a path that is not one names nobody (404), and never reaches the database. */
@Injectable()
export class PersonIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SLUG.test(value)) throw new DomainError('PERSON_NOT_FOUND');
    return value;
  }
}
