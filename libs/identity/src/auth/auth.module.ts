import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { LoginThrottle } from './login-throttle.service';
import { SessionsService } from './sessions.service';

/** Log-in, sessions (refresh tokens), API tokens. */
@Module({
  imports: [IdentityCoreModule],
  providers: [SessionsService, LoginThrottle, ApiTokensRepository, ApiTokensService],
  exports: [SessionsService, ApiTokensService],
})
export class AuthModule {}
