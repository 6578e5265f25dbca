import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';

/** Programmes, tracks and memberships. */
@Module({ imports: [IdentityCoreModule], providers: [], exports: [] })
export class ProgrammesModule {}
