import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { repoRoot } from '@jinlin/database';
import { Public } from '../http/auth.guard';

/** The page's files are served from the sources as they are (no build step), from dist/ or src/ alike. */
const PUBLIC = join(repoRoot(__dirname), 'apps', 'api', 'src', 'dashboard-page', 'public');
// A Map, not an object: a client picks the name, and `__proto__` or `constructor` must be just unknown names.
const ASSETS: ReadonlyMap<string, { file: string; type: string }> = new Map([
  ['app.js', { file: join(PUBLIC, 'app.js'), type: 'text/javascript; charset=utf-8' }],
  ['style.css', { file: join(PUBLIC, 'style.css'), type: 'text/css; charset=utf-8' }],
  // Served from the app itself: no CDN, the page works on a closed network.
  ['echarts.min.js', { file: require.resolve('echarts/dist/echarts.min.js'), type: 'text/javascript; charset=utf-8' }],
]);

/** GET /dashboard: the page is public; its data calls carry the token the user enters. */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardPageController {
  private readonly cache = new Map<string, string>();

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(): string {
    return this.read(join(PUBLIC, 'index.html'));
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const asset = ASSETS.get(name);
    if (!asset) throw new NotFoundException(`no asset ${name}`);
    void reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600');
    return this.read(asset.file);
  }

  private read(file: string): string {
    let text = this.cache.get(file);
    if (text === undefined) this.cache.set(file, (text = readFileSync(file, 'utf8')));
    return text;
  }
}
