import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { ChangePasswordDto } from './change-password.dto';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly personId: string,
    readonly body: ChangePasswordDto,
    readonly actor: Principal,
    /** The session the request came with, which stays signed in. */
    readonly sessionToken: string | null,
  ) {
    super();
  }
}
