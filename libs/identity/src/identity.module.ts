import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { IdentityCoreModule } from './identity-core.module';
import { DirectoryModule } from './organisations/directory.module';
import { ProgrammesModule } from './programmes/programmes.module';

/** Identity and access: organisations, users, programmes, memberships, authentication. */
@Module({
  imports: [IdentityCoreModule, DirectoryModule, ProgrammesModule, AuthModule],
  exports: [IdentityCoreModule, DirectoryModule, ProgrammesModule, AuthModule],
})
export class IdentityModule {}
