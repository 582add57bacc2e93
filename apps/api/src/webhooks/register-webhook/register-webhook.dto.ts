import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WEBHOOK_FORMATS, type WebhookFormat } from '@jinlin/domain';
import { IsSlug, SLUG } from '../../http/validation-decorators';

/** Only the shape is checked here; what the URL, events and communities may be, the decider judges. */
export class RegisterWebhookDto {
  @IsSlug('webhook id, chosen by the client', 'wecom-qianpu-property') id: string;
  @ApiProperty({ description: 'http(s) URL the events are POSTed to', example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })
  @IsString()
  @MaxLength(2000)
  url: string;
  @ApiProperty({
    description: 'HMAC key, at least 16 characters; shown in this answer only',
    minLength: 16,
    example: 'change-me-to-a-long-random-secret',
  })
  @IsString()
  @MaxLength(200)
  secret: string;
  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS, default: 'json' }) @IsOptional() @IsIn(WEBHOOK_FORMATS) format?: WebhookFormat;
  @ApiPropertyOptional({
    description: 'event types to send (default: every ticket event)',
    type: [String],
    example: ['TicketFiled', 'TicketEscalated'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  events?: string[];
  @ApiPropertyOptional({ description: 'communities whose tickets are sent (default: all)', type: [String], example: ['qianpu-yili-west'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(SLUG, { each: true, message: 'communities must be community ids' })
  communities?: string[];
}
