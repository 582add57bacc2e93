import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
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

/** The database the app's data source was given (the embedded one included): the listener's own connection goes there. */
const databaseUrlOf = (db: DataSource): string => String((db.options as { url?: string }).url);

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
      inject: [CommandBus, DataSource, SELF_ADDRESS, APP_CONFIG],
      useFactory: (commands: CommandBus, db: DataSource, self: SelfAddressOf, config: AppConfig) =>
        new WebhookSender(commands, db, databaseUrlOf(db), self, config.webhooks),
    },
  ],
})
export class WebhooksModule {}
