import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

/** The shape only; what a time is and that the day ends after it starts are workingHoursProblems'. */
export class SetWorkingHoursDto {
  @ApiProperty({ description: 'when business minutes start each working day, HH:MM in Asia/Shanghai', example: '08:30' })
  @IsString()
  start: string;

  @ApiProperty({ description: 'when they stop, HH:MM, later than start', example: '17:30' })
  @IsString()
  end: string;
}
