import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, ProjectionEngine } from '@jinlin/projections';
import type { AppConfig } from '../config/app-config';
import { createProjections } from '../read-models';
import { createLogger } from './logger';
import { HandoverProcess, type WaitFor } from '../handovers/handover-process';
import { MergeProcess } from '../tickets/merge-ticket/merge-process';
import { NATS_PUBLISHER, natsPublisherProvider } from '../nats/nats.provider';
import type { NatsPublisher } from '../nats/nats-publisher';
import { traceApply } from '../telemetry/spans';
import { tracing } from '../telemetry/telemetry';

/** Stops before the data source and the event store close (they go in onApplicationShutdown). */
class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    private readonly run: boolean,
  ) {}
  onApplicationBootstrap() {
    if (this.run) this.engine.start();
  }
  async beforeApplicationShutdown() {
    await this.engine.stop();
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const log = createLogger(config.logLevel).child({ context: 'projections' });
    return {
      module: ProjectionsModule,
      providers: [
        natsPublisherProvider(config),
        {
          provide: PROJECTION_ENGINE,
          inject: [EVENT_STORE, DataSource, CommandBus, NATS_PUBLISHER],
          useFactory: (store: EventStore, dataSource: DataSource, commands: CommandBus, nats: NatsPublisher | null) => {
            // The handover process waits on the ticket projection of the same engine.
            const waitFor: WaitFor = (position, timeoutMs, names) => engine.waitFor(position, timeoutMs, names);
            const engine: ProjectionEngine = new ProjectionEngine(
              [
                ...createProjections(),
                new HandoverProcess(commands, store, dataSource, waitFor),
                new MergeProcess(commands),
                ...(nats ? [nats] : []),
              ],
              store,
              dataSource,
              {
                batchSize: config.projections.batchSize,
                pollMs: config.projections.pollMs,
                gatherMs: config.projections.gatherMs,
                lockRetryMs: Math.min(Math.max(config.projections.pollMs, 200), 1000),
                onError: (projection, err) => log.error({ projection, err }, 'projection failed; retrying'),
                aroundApply: tracing() ? traceApply : undefined,
              },
            );
            return engine;
          },
        },
        {
          provide: ProjectionLifecycle,
          inject: [PROJECTION_ENGINE],
          useFactory: (engine: ProjectionEngine) => new ProjectionLifecycle(engine, config.projections.run),
        },
      ],
      exports: [PROJECTION_ENGINE],
    };
  }
}
