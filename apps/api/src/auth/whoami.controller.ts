import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jinlin/domain';
import { CurrentUser } from '../http/current-user.decorator';
import { ApiRead } from '../http/api-docs';
import { PrincipalDto } from './principal.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/whoami')
export class WhoAmIController {
  /** What the service understood from the caller's token. */
  @Get()
  @ApiRead({ type: PrincipalDto })
  whoami(@CurrentUser() user: Principal): Principal {
    return user;
  }

  /** Same, for clients that can only POST; the body is ignored. */
  @Post()
  @ApiRead({ type: PrincipalDto })
  @HttpCode(200)
  whoamiPost(@CurrentUser() user: Principal): Principal {
    return user;
  }
}
