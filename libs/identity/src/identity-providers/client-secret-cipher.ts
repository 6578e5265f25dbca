import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SecretCipher } from '@app/core';
import type { AppConfig } from '@app/core';

/**
 * Encrypts the client secrets of identity providers with AES-256-GCM under
 * IDENTITY_PROVIDER_SECRET_KEY, the provider's id authenticated with each (SecretCipher).
 */
@Injectable()
export class ClientSecretCipher extends SecretCipher {
  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'identityProviders'>) {
    super(config.identityProviders.secretKey, 'identity provider client secret');
  }
}
