import type { FactoryProvider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { NatsPublisher } from './nats-publisher';

export const NATS_PUBLISHER = Symbol('NATS_PUBLISHER');

/** The publisher when NATS_URL is set, else null; a provider, so that shutdown closes its connection. */
export const natsPublisherProvider = (config: AppConfig): FactoryProvider<NatsPublisher | null> => ({
  provide: NATS_PUBLISHER,
  inject: [EVENT_STORE],
  useFactory: (store: EventStore) => (config.nats ? new NatsPublisher(config.nats, store) : null),
});
