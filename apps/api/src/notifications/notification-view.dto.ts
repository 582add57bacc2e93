import { ApiProperty } from '@nestjs/swagger';
import type { NotificationPage, NotificationView } from '@jinlin/projections';
import { describes } from '../http/api-docs';

/** The notifications read model as OpenAPI schemas; `describes` stops the build when they part ways. */
export class NotificationViewDto {
  @ApiProperty({ description: 'also the SSE event id (Last-Event-ID)', example: '318' }) id: string;
  @ApiProperty({ description: 'the event that caused it', example: 'TicketAcknowledged' }) type: string;
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) ticketId: string;
  @ApiProperty({ example: '您反映的“3号楼电梯停运”已受理' }) summary: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:42:00.000Z' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) readAt: string | null;
}
describes<NotificationViewDto, NotificationView>(true);

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items: NotificationViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last', example: null })
  nextCursor: string | null;
}
describes<NotificationPageDto, NotificationPage>(true);
