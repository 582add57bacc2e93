import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SELECTION_METHODS, type SelectionMethod } from '@jinlin/domain';
import { IsText } from '../../http/validation-decorators';

export class CompleteStepDto {
  @IsText(2000, 'what was done, by whom, with which documents', 1, '图纸、业主名册、设备台账已移交，双方签字') note: string;
  @ApiPropertyOptional({ description: 'selection only: the company chosen', example: 'haiyue-pm' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  incomingCompanyId?: string;
  @ApiPropertyOptional({ enum: SELECTION_METHODS, description: 'selection only' })
  @IsOptional()
  @IsIn(SELECTION_METHODS)
  method?: SelectionMethod;
  @ApiPropertyOptional({ type: [String], description: 'facilities_inspection only: defects found', example: ['2号楼消防栓缺水带'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  defects?: string[];
}
