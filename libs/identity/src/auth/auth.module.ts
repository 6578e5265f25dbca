import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';

/** Log-in, sessions (refresh tokens), API tokens. */
@Module({ imports: [IdentityCoreModule], providers: [], exports: [] })
export class AuthModule {}
