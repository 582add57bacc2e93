import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalText } from '../../http/validation-decorators';

export class RateTicketDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;
  @IsOptionalText(2000, 'optional words with the score', '师傅来得很快，谢谢') comment?: string;
}
