import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthedRequest, JwtGuard, mayFile } from './auth.guard';
import { AuditEntry, Ticket } from './entities';
import { FileTicketDto } from './file-ticket.dto';

@Controller()
export class TicketsController {
  constructor(private readonly db: DataSource) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** The ticket row and its audit row in one transaction: both or neither. */
  @Post('tickets')
  @HttpCode(201)
  @UseGuards(JwtGuard)
  async file(@Body() body: FileTicketDto, @Req() request: AuthedRequest): Promise<{ id: string; version: number }> {
    const user = request.user!;
    mayFile(user, body.communityId);
    const id = randomUUID();
    const ticket = {
      id,
      communityId: body.communityId,
      category: body.category,
      title: body.title,
      description: body.description,
      location: body.location ?? null,
      channel: body.channel ?? 'app',
      status: 'open',
      reporterId: body.reporterId ?? (user.roles.includes('resident') ? user.id : null),
    };
    await this.db.transaction(async (tx) => {
      await tx.insert(Ticket, ticket);
      await tx.insert(AuditEntry, { ticketId: id, action: 'filed', actor: user.id, at: new Date(), payload: ticket });
    });
    return { id, version: 1 };
  }
}
