import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { IdentityModule } from '@app/identity';
import { RateLimits } from '../rate-limit/rate-limits.service';
import { AccessGuard } from './access.guard';
import { BearerStrategy } from './bearer.strategy';
import { DenialRecorder } from './denial-recorder';
import { RouteAccessCheck } from './route-access';

/** Rate limits, authentication and authorisation for every route: the global AccessGuard. */
@Module({
  imports: [DiscoveryModule, PassportModule, IdentityModule],
  providers: [
    BearerStrategy,
    RouteAccessCheck,
    DenialRecorder,
    RateLimits,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [DenialRecorder],
})
export class AccessModule {}
