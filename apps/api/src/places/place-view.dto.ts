import { ApiProperty } from '@nestjs/swagger';
import type { BuildingView, SimilarTicket } from '@jinlin/projections';
import { describes } from '../http/api-docs';
import { TICKET_STATUSES, TicketLocationDto } from '../tickets/ticket-view.dto';

/** The places read models as OpenAPI schemas; `describes` stops the build when they part ways. */
export class BuildingViewDto {
  @ApiProperty({ example: '3' }) code: string;
  @ApiProperty({ example: '3号楼' }) name: string;
  @ApiProperty({ type: [String], example: ['1', '2'] }) units: string[];
  @ApiProperty({ format: 'date-time', example: '2026-11-01T02:00:00.000Z' }) changedAt: string;
}
describes<BuildingViewDto, BuildingView>(true);

export class BuildingListDto {
  @ApiProperty({ type: [BuildingViewDto] }) items: BuildingViewDto[];
}

export class SimilarTicketDto {
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: '3号楼电梯又坏了' }) title: string;
  @ApiProperty({ enum: TICKET_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:10:00.000Z' }) filedAt: string;
  @ApiProperty({ type: TicketLocationDto, nullable: true }) location: TicketLocationDto | null;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'pg_trgm similarity of the titles', example: 0.62 }) similarity: number;
}
describes<SimilarTicketDto, SimilarTicket>(true);

export class SimilarTicketListDto {
  @ApiProperty({ type: [SimilarTicketDto] }) items: SimilarTicketDto[];
}
