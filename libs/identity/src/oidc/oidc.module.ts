import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdentityCoreModule } from '../identity-core.module';
import { IdentityProvidersModule } from '../identity-providers/identity-providers.module';
import { OidcAccounts } from './oidc-accounts';
import { OidcClients } from './oidc-clients';
import { OidcCodeFlow } from './oidc-code-flow';
import { OidcSignInRepository } from './oidc-sign-in.repository';
import { OidcSignInService } from './oidc-sign-in.service';
import { UserIdentitiesService } from './user-identities.service';

/** Signing in through an organisation's OpenID Connect provider (issue 20). */
@Module({
  imports: [IdentityCoreModule, AuthModule, IdentityProvidersModule],
  providers: [
    OidcAccounts,
    OidcClients,
    OidcCodeFlow,
    OidcSignInRepository,
    OidcSignInService,
    UserIdentitiesService,
  ],
  exports: [OidcSignInService, UserIdentitiesService],
})
export class OidcModule {}
