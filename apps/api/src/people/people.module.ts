import { Global, Module } from '@nestjs/common';
import { SignInFailures } from '../auth/sign-in-failures';
import { ReadYourWrites } from '../http/read-your-writes';
import { ChangePasswordController } from './change-password/change-password.controller';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { ExportPersonalDataController } from './export-personal-data/export-personal-data.controller';
import { ExportPersonalDataHandler } from './export-personal-data/export-personal-data.handler';
import { GetPersonController } from './get-person/get-person.controller';
import { GetPersonHandler } from './get-person/get-person.handler';
import { ListPeopleController } from './list-people/list-people.controller';
import { ListPeopleHandler } from './list-people/list-people.handler';
import { PeopleDirectory } from './people-directory';
import { PersonalDataStore } from './personal-data/personal-data.store';
import { RegisterPersonController } from './register-person/register-person.controller';
import { RegisterPersonHandler } from './register-person/register-person.handler';
import { UpdatePersonController } from './update-person/update-person.controller';
import { UpdatePersonHandler } from './update-person/update-person.handler';

/** The people directory (SPEC §2.1) and, for every feature that names people, its read side. */
@Global()
@Module({
  controllers: [
    RegisterPersonController,
    ListPeopleController,
    GetPersonController,
    UpdatePersonController,
    ChangePasswordController,
    ExportPersonalDataController,
    ErasePersonalDataController,
  ],
  providers: [
    PeopleDirectory,
    PersonalDataStore,
    ReadYourWrites,
    SignInFailures,
    RegisterPersonHandler,
    ListPeopleHandler,
    GetPersonHandler,
    UpdatePersonHandler,
    ChangePasswordHandler,
    ExportPersonalDataHandler,
    ErasePersonalDataHandler,
  ],
  exports: [PeopleDirectory, PersonalDataStore],
})
export class PeopleModule {}
