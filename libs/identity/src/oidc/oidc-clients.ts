import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { ClientSecretCipher } from '../identity-providers/client-secret-cipher';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';

/** How long a provider's discovery document is trusted before it is fetched again. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/**
 * How long a failed discovery is remembered: meanwhile sign-ins at that provider are refused
 * at once, and anonymous requests cannot make this server call a provider that is down
 * (10 s each) over and over.
 */
const FAILURE_TTL_MS = 30 * 1000;
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
  failed: boolean;
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
    const ttl = cached?.failed ? FAILURE_TTL_MS : DISCOVERY_TTL_MS;
    if (cached && Date.now() - cached.fetchedAt < ttl) return cached.configuration;
    for (const old of this.cache.keys()) {
      if (old.startsWith(`${provider.id}:`)) this.cache.delete(old);
    }
    const entry: Cached = {
      configuration: this.discover(provider),
      fetchedAt: Date.now(),
      failed: false,
    };
    this.cache.set(key, entry);
    // A failed discovery is kept briefly; the first sign-in after that tries again.
    entry.configuration.catch(() => {
      entry.failed = true;
      entry.fetchedAt = Date.now();
    });
    return entry.configuration;
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
