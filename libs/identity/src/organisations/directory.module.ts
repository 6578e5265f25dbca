import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';

/** Organisations and users. */
@Module({ imports: [IdentityCoreModule], providers: [], exports: [] })
export class DirectoryModule {}
