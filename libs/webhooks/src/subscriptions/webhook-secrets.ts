import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SecretCipher } from '@app/core';
import type { AppConfig } from '@app/core';

/** A subscription's stored secrets, as its row holds them. */
export interface StoredSecrets {
  subscription_id: string;
  secret: Buffer;
  previous_secret: Buffer | null;
  previous_secret_expires_at: Date | null;
}

/**
 * The signing secrets of subscriptions, encrypted at rest (AES-256-GCM under a key derived
 * from IDENTITY_PROVIDER_SECRET_KEY, the subscription's id authenticated with each): the
 * product must read them back to sign, so they cannot be stored hashed as tokens are.
 */
@Injectable()
export class WebhookSecrets extends SecretCipher {
  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'webhooks'>) {
    super(config.webhooks.secretKey, 'webhook signing secret');
  }

  /** The secrets a message is signed with now: the current one, and the previous while valid. */
  signingSecrets(stored: StoredSecrets, now = new Date()): string[] {
    const secrets = [this.decrypt(stored.secret, stored.subscription_id)];
    if (
      stored.previous_secret &&
      stored.previous_secret_expires_at &&
      stored.previous_secret_expires_at > now
    ) {
      secrets.push(this.decrypt(stored.previous_secret, stored.subscription_id));
    }
    return secrets;
  }
}
