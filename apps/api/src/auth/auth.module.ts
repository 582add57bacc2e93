import { Module } from '@nestjs/common';
import { Sessions } from './sessions';
import { SignIn } from './sign-in/sign-in';
import { SignInController } from './sign-in/sign-in.controller';
import { SignInFailures } from './sign-in-failures';
import { SignedInPeople } from './signed-in-person';

/** SPEC §2.2 sign-in for the web app. */
@Module({
  controllers: [SignInController],
  providers: [Sessions, SignInFailures, SignedInPeople, SignIn],
})
export class AuthModule {}
