import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FileTicketDto } from '../tickets/file-ticket/file-ticket.dto';

/**
 * Only with BENCH_ENDPOINTS=true: the same route shape, guard and validation as POST /tickets,
 * minus the store, so the benchmark can show the framework's share of the cost.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  @Post('tickets')
  @HttpCode(201)
  validateOnly(@Body() body: FileTicketDto) {
    return { id: body.communityId, version: 0 };
  }
}
