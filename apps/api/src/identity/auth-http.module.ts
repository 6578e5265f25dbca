import { Module } from '@nestjs/common';
import { AuthModule, OidcModule } from '@app/identity';
import { ApiTokensController } from './auth/api-tokens.controller';
import { AuthController } from './auth/auth.controller';
import { BrowserCsrfGuard } from './auth/browser-csrf.guard';
import { CalendarLinksController } from './auth/calendar-links.controller';
import { BrowserSessionsController } from './auth/browser-sessions.controller';
import { ClearRefreshCookieInterceptor } from './auth/clear-refresh-cookie.interceptor';
import { OidcController } from './auth/oidc.controller';
import { OidcRedirectFilter } from './auth/oidc-redirect.filter';
import { UserIdentitiesController } from './auth/user-identities.controller';
import { MeSessionsController } from './auth/me-sessions.controller';
import { RefreshCookie } from './auth/refresh-cookie';

/** HTTP routes of the auth part of identity: sessions (bearer and browser) and API tokens. */
@Module({
  imports: [AuthModule, OidcModule],
  controllers: [
    AuthController,
    BrowserSessionsController,
    MeSessionsController,
    ApiTokensController,
    CalendarLinksController,
    OidcController,
    UserIdentitiesController,
  ],
  providers: [RefreshCookie, BrowserCsrfGuard, ClearRefreshCookieInterceptor, OidcRedirectFilter],
})
export class AuthHttpModule {}
