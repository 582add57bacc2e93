import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describes } from '../http/api-docs';
import type { CalendarYearInForce } from './calendars';

/** GET /calendars/cn/{year}'s answer (its version is the ETag, not a field). */
export class CalendarYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: ['built-in', 'set', 'none'], description: 'none: Monday to Friday, no holidays', example: 'built-in' })
  source: string;
  @ApiProperty({ type: [String], format: 'date', description: 'days off', example: ['2026-10-01', '2026-10-02'] }) holidays: string[];
  @ApiProperty({ type: [String], format: 'date', description: 'weekend days worked (调休)', example: ['2026-09-28'] }) workdays: string[];
  @ApiPropertyOptional({ format: 'date-time', description: 'when an admin set it', example: '2026-11-15T02:00:00.000Z' }) setAt?: string;
  @ApiPropertyOptional({ description: 'who set it', example: 'admin-demo' }) setBy?: string;
}
describes<CalendarYearDto, CalendarYearInForce>(true);
