import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VISIBILITIES, type Visibility } from '@jinlin/domain';

export class ChangeVisibilityDto {
  @ApiProperty({ enum: VISIBILITIES, example: 'community', description: 'community: the residents of the community see it in part' })
  @IsIn(VISIBILITIES)
  visibility: Visibility;
}
