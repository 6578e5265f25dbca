import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { CalendarLinksService } from './calendar-links.service';
import { LoginThrottleModule } from './login-throttle.module';
import { SessionsService } from './sessions.service';

/** Log-in, sessions (refresh tokens), API tokens. */
@Module({
  imports: [IdentityCoreModule, LoginThrottleModule],
  providers: [SessionsService, ApiTokensRepository, ApiTokensService, CalendarLinksService],
  exports: [SessionsService, ApiTokensService, CalendarLinksService],
})
export class AuthModule {}
