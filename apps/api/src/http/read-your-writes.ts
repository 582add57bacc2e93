import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PROJECTION_ENGINE, type ProjectionEngine } from '@jinlin/projections';
import { APP_CONFIG } from '../config/config.token';
import type { AppConfig } from '../config/app-config';

/**
 * `?minPosition=` (or the Jinlin-Min-Position header): wait briefly until the projections have
 * applied that position, so a client sees what it just wrote. If they do not get there in time
 * the answer still comes, marked `Jinlin-Stale: true`.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async wait(minPosition: string | undefined, reply: FastifyReply, projections?: string[]): Promise<void> {
    if (minPosition === undefined || minPosition === '') return;
    if (!/^\d{1,15}$/.test(minPosition)) throw new BadRequestException('minPosition must be a global position (a whole number)');
    const reached = await this.engine.waitFor(Number(minPosition), this.config.readYourWritesTimeoutMs, projections);
    if (!reached) void reply.header('jinlin-stale', 'true');
  }
}
