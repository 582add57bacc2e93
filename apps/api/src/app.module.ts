import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, Reflector } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.token';
import { AuthModule } from './auth/auth.module';
import { SessionAuth } from './auth/session-auth';
import { WhoAmIController } from './auth/whoami.controller';
import { BenchController } from './bench/bench.controller';
import { DashboardPageController } from './dashboard-page/dashboard-page.controller';
import { HealthController } from './health/health.controller';
import { AuthGuard, AUTH_KEYS, authKeys, type AuthKeys } from './http/auth.guard';
import { ProblemFilter } from './http/problem.filter';
import { validationPipe } from './http/validation';
import { EventStoreModule } from './infrastructure/event-store.module';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { ProjectionsModule } from './infrastructure/projections.module';
import type { JwtSetup } from './infrastructure/jwt-secret';
import { METRICS, createMetrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { READ_MODEL_ENTITIES } from './read-models';
import { FEATURE_MODULES } from './features';
import { HttpTraceInterceptor } from './telemetry/http-trace.interceptor';
import { tracing } from './telemetry/telemetry';

export type AppOptions = Readonly<{ config: AppConfig; databaseUrl: string; jwt: JwtSetup }>;

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwt }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: READ_MODEL_ENTITIES,
          synchronize: false,
          migrationsRun: false,
          // A request never waits for ever on a starved pool: it fails after 10 s and says so.
          extra: { max: config.poolSize, application_name: 'jinlin-read-models', connectionTimeoutMillis: 10_000 },
        }),
        EventStoreModule.forRoot(config, databaseUrl),
        ProjectionsModule.forRoot(config),
        ...FEATURE_MODULES,
        AuthModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        WhoAmIController,
        DashboardPageController,
        ...(config.benchEndpoints ? [BenchController] : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: AUTH_KEYS, useValue: authKeys(jwt.secret, jwt.jwksUrl) },
        {
          provide: APP_GUARD,
          inject: [Reflector, AUTH_KEYS, SessionAuth],
          useFactory: (r: Reflector, k: AuthKeys, s: SessionAuth) => new AuthGuard(r, k, s),
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
        ...(tracing() ? [{ provide: APP_INTERCEPTOR, useClass: HttpTraceInterceptor }] : []),
        {
          provide: METRICS,
          inject: [PROJECTION_ENGINE, EVENT_STORE],
          useFactory: (engine: ProjectionEngine, store: EventStore) => createMetrics(engine, store),
        },
      ],
      exports: [APP_CONFIG, METRICS],
    };
  }
}
