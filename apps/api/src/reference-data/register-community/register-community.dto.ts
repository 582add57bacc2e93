import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsSlug, IsText } from '../../http/validation-decorators';

export class RegisterCommunityDto {
  @IsSlug('community id, chosen by the client', 'qianpu-yili-east') id: string;
  @IsText(200, 'community name, e.g. 前埔一里西小区', 1, '前埔一里东小区') name: string;
  @IsText(200, 'subdistrict (街道)', 1, '莲前街道') subdistrict: string;
  @IsText(200, 'neighbourhood committee (社区)', 1, '前埔一里社区') neighbourhood: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, example: 860 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  households?: number;
  @IsSlug('the property company that manages it now', 'jiayuan-pm') propertyCompanyId: string;
}
