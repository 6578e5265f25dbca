import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { ClientSecretCipher } from '../identity-providers/client-secret-cipher';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';

/** How long a provider's discovery document is trusted before it is fetched again. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** A provider that does not answer within this is reported unreachable. */
const REQUEST_TIMEOUT_SECONDS = 10;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an issuer is plain http on this machine: a development provider. */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

interface Cached {
  configuration: Promise<oidc.Configuration>;
  fetchedAt: number;
}

/**
 * The openid-client configuration of each provider: its discovery document and its JWKS,
 * cached per provider version for an hour (a change of the provider starts afresh). Keys
 * rotate without a restart: an ID token signed with a key the cached JWKS lacks makes
 * openid-client fetch the JWKS again. ID token signatures are always checked, also from
 * the token endpoint (`enableNonRepudiationChecks`): an unsigned or wrongly signed token
 * is refused, not trusted on TLS alone.
 */
@Injectable()
export class OidcClients {
  private readonly cache = new Map<string, Cached>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: ClientSecretCipher,
  ) {}

  configuration(provider: IdentityProviderEntity): Promise<oidc.Configuration> {
    const key = `${provider.id}:${provider.version}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.fetchedAt < DISCOVERY_TTL_MS) return cached.configuration;
    for (const old of this.cache.keys())
      if (old.startsWith(`${provider.id}:`)) this.cache.delete(old);
    const configuration = this.discover(provider);
    this.cache.set(key, { configuration, fetchedAt: Date.now() });
    // A failed discovery is not kept: the next sign-in tries again.
    configuration.catch(() => {
      if (this.cache.get(key)?.configuration === configuration) this.cache.delete(key);
    });
    return configuration;
  }

  private async discover(provider: IdentityProviderEntity): Promise<oidc.Configuration> {
    const insecure = this.config.env !== 'production' && isLoopbackHttp(provider.issuer);
    const execute = [oidc.enableNonRepudiationChecks];
    if (insecure) execute.push(oidc.allowInsecureRequests);
    const configuration = await oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { client_secret: this.cipher.decrypt(provider.clientSecretEncrypted, provider.id) },
      undefined,
      { execute, timeout: REQUEST_TIMEOUT_SECONDS },
    );
    configuration.timeout = REQUEST_TIMEOUT_SECONDS;
    return configuration;
  }
}
