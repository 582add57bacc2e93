import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JWT_SECRET, JwtGuard } from './auth.guard';
import { AuditEntry, Ticket } from './entities';
import { TicketsController } from './tickets.controller';

/**
 * The baseline bench:http compares Jinlin's POST /tickets with: a plain NestJS + Fastify + TypeORM
 * CRUD service that writes the ticket row and an audit row in one transaction. Not the product:
 * built by `npm run build:bench` and started by bench/http.bench.ts on its own fresh database.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: env('DATABASE_URL'),
      entities: [Ticket, AuditEntry],
      // The baseline's tables come from its entities at start-up, on an empty database made for the
      // run: fine for a benchmark's baseline, never for the product (which runs migrations).
      synchronize: true,
      // As many connections as Jinlin's pool (DB_POOL_SIZE defaults to 16) and as the load's clients.
      extra: { max: 16, application_name: 'crud-baseline' },
    }),
  ],
  controllers: [TicketsController],
  providers: [{ provide: JWT_SECRET, useValue: env('JWT_SECRET') }, JwtGuard],
})
class CrudModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(CrudModule, new FastifyAdapter({ bodyLimit: 64 * 1024 }), {
    logger: ['error', 'warn'],
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(Number(env('PORT')), '127.0.0.1');
}

main().catch((error) => {
  process.stderr.write(`crud-baseline: start-up failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
