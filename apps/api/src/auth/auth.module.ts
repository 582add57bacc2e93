import { Module } from '@nestjs/common';
import { Me } from './me/me';
import { MeController } from './me/me.controller';
import { SessionAuth } from './session-auth';
import { Sessions } from './sessions';
import { SignIn } from './sign-in/sign-in';
import { SignInController } from './sign-in/sign-in.controller';
import { SignInFailures } from './sign-in-failures';
import { SignOutController } from './sign-out/sign-out.controller';
import { SignedInPeople } from './signed-in-person';

/** SPEC §2.2 sign-in for the web app; SessionAuth is what the guard asks about a session cookie. */
@Module({
  controllers: [SignInController, MeController, SignOutController],
  providers: [Sessions, SignInFailures, SignedInPeople, SignIn, Me, SessionAuth],
  exports: [SessionAuth],
})
export class AuthModule {}
