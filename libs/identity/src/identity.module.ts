import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { IdentityCoreModule } from './identity-core.module';
import { IdentityProvidersModule } from './identity-providers/identity-providers.module';
import { OidcModule } from './oidc/oidc.module';
import { DirectoryModule } from './organisations/directory.module';
import { ProgrammesModule } from './programmes/programmes.module';

/**
 * Identity and access: organisations, users, programmes, memberships, authentication, and the
 * organisations' identity providers.
 */
@Module({
  imports: [
    IdentityCoreModule,
    DirectoryModule,
    ProgrammesModule,
    AuthModule,
    IdentityProvidersModule,
    OidcModule,
  ],
  exports: [
    IdentityCoreModule,
    DirectoryModule,
    ProgrammesModule,
    AuthModule,
    IdentityProvidersModule,
    OidcModule,
  ],
})
export class IdentityModule {}
