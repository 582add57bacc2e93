import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { SealsDto } from './list-seals.dto';

/** The log's seals made in [from, to), newest first (SPEC §8.1). */
export class ListSealsQuery extends Query<SealsDto> {
  constructor(
    readonly user: Principal,
    readonly from: number | null,
    readonly to: number | null,
  ) {
    super();
  }
}
