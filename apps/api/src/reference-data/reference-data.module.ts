import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { GetCommunityController } from './get-community/get-community.controller';
import { GetCommunityHandler } from './get-community/get-community.handler';
import { ListCategoriesController } from './list-categories/list-categories.controller';
import { ListCategoriesHandler } from './list-categories/list-categories.handler';
import { ListCommunitiesController } from './list-communities/list-communities.controller';
import { ListCommunitiesHandler } from './list-communities/list-communities.handler';
import { ListCompaniesController } from './list-companies/list-companies.controller';
import { ListCompaniesHandler } from './list-companies/list-companies.handler';
import { RegisterCommunityController } from './register-community/register-community.controller';
import { RegisterCommunityHandler } from './register-community/register-community.handler';
import { RegisterCompanyController } from './register-company/register-company.controller';
import { RegisterCompanyHandler } from './register-company/register-company.handler';
import { SetWorkingHoursController } from './set-working-hours/set-working-hours.controller';
import { SetWorkingHoursHandler } from './set-working-hours/set-working-hours.handler';

@Module({
  imports: [TicketsModule],
  controllers: [
    RegisterCompanyController,
    RegisterCommunityController,
    ListCommunitiesController,
    ListCompaniesController,
    GetCommunityController,
    ListCategoriesController,
    SetWorkingHoursController,
  ],
  providers: [
    RegisterCompanyHandler,
    RegisterCommunityHandler,
    ListCommunitiesHandler,
    ListCompaniesHandler,
    GetCommunityHandler,
    ListCategoriesHandler,
    SetWorkingHoursHandler,
  ],
})
export class ReferenceDataModule {}
