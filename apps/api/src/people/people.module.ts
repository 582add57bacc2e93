import { Global, Module } from '@nestjs/common';
import { PeopleDirectory } from './people-directory';
import { PersonalDataStore } from './personal-data/personal-data.store';

/** The directory and the personal-data table, for every feature that names people. */
@Global()
@Module({
  providers: [PeopleDirectory, PersonalDataStore],
  exports: [PeopleDirectory, PersonalDataStore],
})
export class PeopleModule {}
