import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SELECTION_METHODS, type SelectionMethod } from '@jinlin/domain';
import { IsText } from '../../http/validation-decorators';

export class CompleteStepDto {
  @IsText(2000, 'what was done, by whom, with which documents') note: string;
  @ApiPropertyOptional({ description: 'selection only: the company chosen' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  incomingCompanyId?: string;
  @ApiPropertyOptional({ enum: SELECTION_METHODS, description: 'selection only' })
  @IsOptional()
  @IsIn(SELECTION_METHODS)
  method?: SelectionMethod;
  @ApiPropertyOptional({ type: [String], description: 'facilities_inspection only: defects found' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  defects?: string[];
}
