import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { GetCommunityController } from './get-community/get-community.controller';
import { ListCommunitiesController } from './list-communities/list-communities.controller';
import { ListCategoriesController } from './list-categories/list-categories.controller';
import { RegisterCommunityController } from './register-community/register-community.controller';
import { RegisterCompanyController } from './register-company/register-company.controller';

@Module({
  imports: [TicketsModule],
  controllers: [
    RegisterCompanyController,
    RegisterCommunityController,
    ListCommunitiesController,
    GetCommunityController,
    ListCategoriesController,
  ],
})
export class ReferenceDataModule {}
