import { ApiProperty } from '@nestjs/swagger';
import { CATEGORY_CODES, ROLES } from '@jinlin/domain';
import { describes } from '../http/api-docs';
import { TicketLocationDto } from '../tickets/ticket-view.dto';
import type { PersonalDataExport } from './export-personal-data/export-personal-data.query';
import type { PersonView } from './person-view';

/** The people read models as OpenAPI schemas; `describes` stops the build when they part ways. */
export class PersonViewDto {
  @ApiProperty({ example: 'resident-demo' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: '[已删除] once erased', example: '王阿姨' }) name: string | null;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['resident'] }) roles: string[];
  @ApiProperty({ type: [String], example: ['qianpu-yili-west'] }) communities: string[];
  @ApiProperty({ type: String, nullable: true, example: null }) companyId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'masked (138****5678) for all but admins and the person',
    example: '138****5678',
  })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'only to admins and the person', example: null }) username: string | null;
  @ApiProperty({ example: false }) erased: boolean;
}
describes<PersonViewDto, PersonView>(true);

export class PersonPageDto {
  @ApiProperty({ type: [PersonViewDto] }) items: PersonViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last', example: null })
  nextCursor: string | null;
}

type Export = PersonalDataExport;

export class ExportProfileDto {
  @ApiProperty({ example: 'resident-demo' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: '王阿姨' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '13800135678' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'wang.ayi' }) username: string | null;
  @ApiProperty({ example: true }) hasPassword: boolean;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['resident'] }) roles: string[];
  @ApiProperty({ type: [String], example: ['qianpu-yili-west'] }) communities: string[];
  @ApiProperty({ type: String, nullable: true, example: null }) companyId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-11-01T02:00:00.000Z' }) createdAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-11-20T02:00:00.000Z' }) updatedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) erasedAt: string | null;
}
describes<ExportProfileDto, Export['profile']>(true);

export class ExportSessionDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:00:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T13:00:00.000Z' }) expiresAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null }) revokedAt: string | null;
}
describes<ExportSessionDto, Export['sessions'][number]>(true);

export class ExportTicketDto {
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) id: string;
  @ApiProperty({ example: 'qianpu-yili-west' }) communityId: string;
  @ApiProperty({ enum: CATEGORY_CODES, example: 'elevator' }) category: string;
  @ApiProperty({ example: '3号楼电梯停运' }) title: string;
  @ApiProperty({ example: '3号楼2单元电梯从早上开始停在一楼，老人上下楼不方便' }) description: string;
  @ApiProperty({ type: TicketLocationDto, nullable: true }) location: TicketLocationDto | null;
  @ApiProperty({ example: 'closed' }) status: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:30:00.000Z' }) filedAt: string;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) rating: number | null;
  @ApiProperty({ type: String, nullable: true, example: '师傅来得很快，谢谢' }) ratingComment: string | null;
}
describes<ExportTicketDto, Export['reportedTickets'][number]>(true);

export class ExportOpen311ContactDto {
  @ApiProperty({ format: 'uuid', example: '0b5c9f3e-8d2a-4f61-9c7e-3a1b2c4d5e6f' }) ticketId: string;
  @ApiProperty({ type: String, nullable: true, example: 'wang.ayi@example.cn' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '阿姨' }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '王' }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '13800135678' }) phone: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:30:00.000Z' }) createdAt: string;
}
describes<ExportOpen311ContactDto, Export['open311Contacts'][number]>(true);

/** PIPL access (GET /people/{id}/personal-data): everything held about the person. */
export class PersonalDataExportDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-03T06:00:00.000Z' }) exportedAt: string;
  @ApiProperty({ type: ExportProfileDto }) profile: ExportProfileDto;
  @ApiProperty({ type: [ExportSessionDto] }) sessions: ExportSessionDto[];
  @ApiProperty({ type: [ExportTicketDto] }) reportedTickets: ExportTicketDto[];
  @ApiProperty({ type: [ExportOpen311ContactDto], description: 'contact details given with Open311 requests filed for the person' })
  open311Contacts: ExportOpen311ContactDto[];
  @ApiProperty({ type: [String], example: ['事件日志中只记录人员编号，不记录姓名或电话'] }) notes: string[];
}
describes<PersonalDataExportDto, Export>(true);
