import { Module } from '@nestjs/common';
import { AuthModule } from '@app/identity';
import { ApiTokensController } from './auth/api-tokens.controller';
import { AuthController } from './auth/auth.controller';

/** HTTP routes of the auth part of identity. */
@Module({ imports: [AuthModule], controllers: [AuthController, ApiTokensController] })
export class AuthHttpModule {}
