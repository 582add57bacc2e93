import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { ReadYourWrites } from '../http/read-your-writes';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.controller';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { DisableWebhookHandler } from './disable-webhook/disable-webhook.handler';
import { ListDeliveriesController } from './list-deliveries/list-deliveries.controller';
import { ListDeliveriesHandler } from './list-deliveries/list-deliveries.handler';
import { ListWebhooksController } from './list-webhooks/list-webhooks.controller';
import { ListWebhooksHandler } from './list-webhooks/list-webhooks.handler';
import { RegisterWebhookController } from './register-webhook/register-webhook.controller';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler';
import { SELF_ADDRESS, selfAddressOf, type SelfAddressOf } from './self-address';
import { WebhookSender } from './webhook-sender';

@Module({
  controllers: [RegisterWebhookController, ListWebhooksController, DeleteWebhookController, ListDeliveriesController],
  providers: [
    RegisterWebhookHandler,
    DeleteWebhookHandler,
    DisableWebhookHandler,
    ListWebhooksHandler,
    ListDeliveriesHandler,
    ReadYourWrites,
    {
      provide: SELF_ADDRESS,
      inject: [HttpAdapterHost, APP_CONFIG],
      useFactory: (host: HttpAdapterHost, config: AppConfig) => selfAddressOf(host, config.port),
    },
    {
      provide: WebhookSender,
      inject: [CommandBus, DataSource, PROJECTION_ENGINE, SELF_ADDRESS, APP_CONFIG],
      useFactory: (commands: CommandBus, db: DataSource, engine: ProjectionEngine, self: SelfAddressOf, config: AppConfig) =>
        new WebhookSender(commands, db, engine, self, config.webhooks),
    },
  ],
})
export class WebhooksModule {}
