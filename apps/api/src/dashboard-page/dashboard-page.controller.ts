import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/auth.guard';

/** Where the dashboard lives now: the web app's community overview (SPEC §6, §10). */
export const OVERVIEW = '/app/console/overview';
const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

/**
 * GET /dashboard, the old page's address (bookmarks, the README), leads to the overview with a 302;
 * a community asked for (`?communityId=`) is kept when it is a well-formed id, anything else is dropped
 * so the redirect can point nowhere but the app. The small HTML body, for a client that does not
 * follow, carries the page headers (CSP and the rest) like every page.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardPageController {
  @Get()
  page(@Query('communityId') communityId: unknown, @Res() reply: FastifyReply): void {
    const target = typeof communityId === 'string' && SLUG.test(communityId) ? `${OVERVIEW}?communityId=${communityId}` : OVERVIEW;
    void reply
      .code(302)
      .header('location', target)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><meta charset="utf-8"><title>近邻</title><p><a href="${target}">${target}</a></p>`);
  }
}
