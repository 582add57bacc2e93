import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { FOLLOW_UP_METHODS, type FollowUpMethod } from '@jinlin/domain';
import { IsOptionalText } from '../../http/validation-decorators';

/** A score is the resident's answer: there is none when nobody was reached (SPEC §4.8). */
const OnlyWhenReached = () =>
  ValidateBy({
    name: 'onlyWhenReached',
    validator: {
      validate: (_value, args) => (args?.object as FollowUpTicketDto).reached !== false,
      defaultMessage: () => '$property: only a follow-up that reached the resident has a score',
    },
  });

export class FollowUpTicketDto {
  @ApiProperty({ enum: FOLLOW_UP_METHODS, description: 'a phone call, a visit or a message' })
  @IsIn(FOLLOW_UP_METHODS)
  method: FollowUpMethod;
  @ApiProperty({ description: 'whether the resident was reached', example: true })
  @IsBoolean()
  reached: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: "the resident's score, only when reached", example: 4 })
  @IsOptional()
  @OnlyWhenReached()
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;
  @IsOptionalText(2000, 'what was said or seen', '住户表示电梯已恢复正常') note?: string;
}
