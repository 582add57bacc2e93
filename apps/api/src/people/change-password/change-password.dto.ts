import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiPropertyOptional({ description: 'the current password; admins setting someone else’s may leave it out', example: 'Jinlin-demo-2026' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  current?: string;
  @ApiProperty({
    description: 'at least 10 characters, not containing the username',
    minLength: 1,
    maxLength: 200,
    example: 'Qianpu-3hao-lou-2027',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  new: string;
}
