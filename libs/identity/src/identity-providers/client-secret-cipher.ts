import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';

const ALGORITHM = 'aes-256-gcm';
/** 96 bits: the IV length GCM is specified for (NIST SP 800-38D); random per encryption. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts the client secrets of identity providers with AES-256-GCM under
 * IDENTITY_PROVIDER_SECRET_KEY. The stored form is IV, tag and ciphertext in one buffer. The
 * provider's id is authenticated with it (additional data), so a secret copied onto another
 * provider's row does not decrypt there.
 */
@Injectable()
export class ClientSecretCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'identityProviders'>) {
    this.key = config.identityProviders.secretKey;
    if (this.key.length !== 32) throw new Error('the identity provider key must be 32 bytes');
  }

  encrypt(secret: string, providerId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(providerId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The secret; throws when the key, the provider or the stored bytes are not the ones used. */
  decrypt(stored: Buffer, providerId: string): string {
    if (stored.length <= IV_BYTES + TAG_BYTES) throw new Error('not an encrypted client secret');
    const iv = stored.subarray(0, IV_BYTES);
    const tag = stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(providerId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
