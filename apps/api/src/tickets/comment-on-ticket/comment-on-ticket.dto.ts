import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsText } from '../../http/validation-decorators';

export class CommentOnTicketDto {
  @IsText(2000, 'comment text') text: string;
  @ApiPropertyOptional({ description: 'visible only to the company, committee and secretary', default: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}
