import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.service';

/**
 * The log-in throttle, one per process: log-in (AuthModule) and password changes
 * (DirectoryModule) count on the same counters. Apart, so that what only needs the identity
 * entities (the worker) opens no Redis connection for it.
 */
@Module({ providers: [LoginThrottle], exports: [LoginThrottle] })
export class LoginThrottleModule {}
