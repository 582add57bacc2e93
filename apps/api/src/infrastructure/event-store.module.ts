import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { createEventStore } from './create-event-store';
import type { AppConfig } from '../config/app-config';
import { tracedEventStore } from '../telemetry/spans';
import { tracing } from '../telemetry/telemetry';

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown() {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: (): EventStore => {
            const store = createEventStore(config, databaseUrl);
            return tracing() ? tracedEventStore(store) : store;
          },
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
