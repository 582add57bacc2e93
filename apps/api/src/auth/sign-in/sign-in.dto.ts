import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInDto {
  @ApiProperty({ minLength: 1, maxLength: 64, description: 'compared without case', example: 'wang.ayi' })
  @IsString()
  @Length(1, 64)
  username: string;

  // Bounded so that nobody makes argon2 hash a 64 KiB body; otherwise taken exactly as typed (spaces count).
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    format: 'password',
    description: 'in embedded mode the demo accounts’ passwords are printed at start-up',
    example: 'demo-3fQk9xZ2pL7w',
  })
  @IsString()
  @Length(1, 200)
  password: string;
}
