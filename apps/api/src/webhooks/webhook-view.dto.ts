import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_FORMATS } from '@jinlin/domain';
import type { DeliveryView, WebhookView } from '@jinlin/projections';
import { describes } from '../http/api-docs';

/** The webhook read models as OpenAPI schemas; `describes` stops the build when they part ways. */
export class WebhookViewDto {
  @ApiProperty({ format: 'uuid', example: '3d2c1b0a-9f8e-4d7c-b6a5-0f1e2d3c4b5a' }) id: string;
  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' }) url: string;
  @ApiProperty({ enum: WEBHOOK_FORMATS, example: 'wecom' }) format: string;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every event', example: ['TicketFiled', 'TicketEscalated'] })
  events: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every community', example: ['qianpu-yili-west'] })
  communities: string[] | null;
  @ApiProperty({ enum: ['active', 'disabled'], example: 'active' }) status: 'active' | 'disabled';
  @ApiProperty({ format: 'date-time', example: '2026-11-01T02:00:00.000Z' }) registeredAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) disabledAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) disabledReason: string | null;
}
describes<WebhookViewDto, WebhookView>(true);

export class WebhookListDto {
  @ApiProperty({ type: [WebhookViewDto] }) items: WebhookViewDto[];
}

export class DeliveryViewDto {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) eventId: string;
  @ApiProperty({ example: 'TicketFiled' }) eventType: string;
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) ticketId: string;
  @ApiProperty({ description: 'global position; pass as ?before= for the next page', example: 1042 }) position: number;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'stopped'], example: 'delivered' }) status: DeliveryView['status'];
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last attempt', example: 200 }) lastStatus: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-12-03T01:30:01.000Z' }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:30:00.000Z' }) recordedAt: string;
}
describes<DeliveryViewDto, DeliveryView>(true);

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryViewDto] }) items: DeliveryViewDto[];
}
