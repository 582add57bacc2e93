import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { PersonalDataExport } from './export-personal-data.handler';

export class ExportPersonalDataQuery extends Query<PersonalDataExport> {
  constructor(
    readonly personId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
