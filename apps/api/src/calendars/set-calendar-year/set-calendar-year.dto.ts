import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

/** The shape only; which dates are allowed is calendarYearProblems', one definition for both layers. */
export class SetCalendarYearDto {
  @ApiProperty({ description: 'public holidays of the year (weekend days within a holiday too), YYYY-MM-DD', example: ['2027-01-01'] })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  holidays: string[];

  @ApiProperty({ description: '调休: weekend days worked in place of a holiday, YYYY-MM-DD', example: ['2027-02-14'] })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  workdays: string[];
}
