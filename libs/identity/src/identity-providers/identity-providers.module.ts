import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity-core.module';
import { DirectoryModule } from '../organisations/directory.module';
import { ClientSecretCipher } from './client-secret-cipher';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { IdentityProvidersService } from './identity-providers.service';

/** The organisations' OpenID Connect providers (issue 20): their management. */
@Module({
  imports: [IdentityCoreModule, DirectoryModule],
  providers: [ClientSecretCipher, IdentityProvidersRepository, IdentityProvidersService],
  exports: [ClientSecretCipher, IdentityProvidersService],
})
export class IdentityProvidersModule {}
