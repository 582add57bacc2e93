import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export const NOTIFICATION_ID = /^\d{1,18}$/;

export class NotificationStreamDto {
  @ApiPropertyOptional({ description: 'as the Last-Event-ID header, for clients that cannot set one' })
  @IsOptional()
  @Matches(NOTIFICATION_ID, { message: 'lastEventId must be the id of a notification' })
  lastEventId?: string;
}
