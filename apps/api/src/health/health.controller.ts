import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { APP_CONFIG } from '../config/config.token';
import type { AppConfig } from '../config/app-config';
import { Public } from '../http/auth.guard';
import { ApiErrors } from '../http/api-docs';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  @ApiErrors(400)
  @HealthCheck()
  live() {
    return this.health.check([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  /** Ready only when both stores answer and every projection is within the configured lag. */
  @Get('ready')
  @ApiErrors(400)
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () => this.probe('eventStore', () => this.store.ping()),
        () => this.probe('readModels', () => this.dataSource.query('SELECT 1')),
        () => this.projections(),
      ]);
    } catch (error) {
      // Unready is an answer, not a failure: 503 with every check's details.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const check = this.indicators.check(key);
    try {
      await withTimeout(ping(), 2000);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  private async projections() {
    const check = this.indicators.check('projections');
    try {
      const statuses = await withTimeout(this.engine.status(), 2000);
      const maxLagMs = this.config.projections.maxLagMs;
      const behind = statuses.filter((s) => s.lagMs > maxLagMs);
      const detail = Object.fromEntries(statuses.map((s) => [s.name, { position: s.position, lagEvents: s.lagEvents, lagMs: s.lagMs }]));
      return behind.length ? check.down({ maxLagMs, ...detail }) : check.up({ maxLagMs, ...detail });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
