import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { apiUrl, APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { hashToken } from '../auth/token-hash';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';
import { OidcAccounts, type ProviderIdentity } from './oidc-accounts';
import { OidcClients } from './oidc-clients';
import { describeProviderError, OidcRefusal, refusalForTokenError } from './oidc-refusal';
import { OidcSignInRepository } from './oidc-sign-in.repository';

/** How long a person has between starting a sign-in and coming back from their provider. */
export const LOGIN_STATE_TTL_SECONDS = 600;
/** The path of the callback, below the API's base path: the redirect URI to register. */
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

/** Where a started sign-in sends the browser, and the `state` its cookie must keep. */
export interface StartedSignIn {
  authorizationUrl: string;
  state: string;
}

/**
 * The authorization code flow at a provider (openid-client), for OidcSignInService: the
 * authorization request with PKCE, `state` and `nonce`, kept as the sign-in's login state,
 * and at the callback the code exchanged and the ID token checked against them.
 */
@Injectable()
export class OidcCodeFlow {
  // The sign-in's log lines keep the service's name, as before this class was split off it.
  private readonly logger = new Logger('OidcSignInService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: OidcSignInRepository,
    private readonly clients: OidcClients,
  ) {}

  /** The redirect URI registered at every provider. */
  callbackUrl(): string {
    return `${apiUrl(this.config.http.publicUrl)}${OIDC_CALLBACK_PATH}`;
  }

  async authorize(
    provider: IdentityProviderEntity,
    how: { returnTo: string; loginHint: string | undefined; linkUserId: string | null },
  ): Promise<StartedSignIn> {
    const configuration = await this.configuration(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const parameters: Record<string, string> = {
      redirect_uri: this.callbackUrl(),
      scope: provider.scopes.join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (how.loginHint !== undefined) parameters.login_hint = how.loginHint;
    // A person linking their account signs in at the provider afresh, not with whoever is
    // signed in there in this browser.
    if (how.linkUserId !== null) parameters.prompt = 'login';
    await this.repository.insertState({
      stateHash: hashToken(state),
      identityProviderId: provider.id,
      codeVerifier,
      nonce,
      returnTo: how.returnTo,
      ttlSeconds: LOGIN_STATE_TTL_SECONDS,
      linkUserId: how.linkUserId,
    });
    return { authorizationUrl: oidc.buildAuthorizationUrl(configuration, parameters).href, state };
  }

  private async configuration(provider: IdentityProviderEntity): Promise<oidc.Configuration> {
    try {
      return await this.clients.configuration(provider);
    } catch (error) {
      this.logger.warn(
        {
          event: 'oidc_discovery_failed',
          identityProviderId: provider.id,
          error: describeProviderError(error),
        },
        'could not read the identity provider’s discovery document',
      );
      throw new OidcRefusal('OIDC_PROVIDER_UNREACHABLE', {
        identityProviderId: provider.id,
        detail: describeProviderError(error),
      });
    }
  }

  /** Exchanges the code and checks the ID token; answers who the provider says this is. */
  async identify(
    provider: IdentityProviderEntity,
    query: URLSearchParams,
    state: string,
    started: { codeVerifier: string; nonce: string },
  ): Promise<ProviderIdentity> {
    const configuration = await this.configuration(provider);
    const callback = new URL(this.callbackUrl());
    callback.search = query.toString();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    let claims: oidc.IDToken;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: started.codeVerifier,
        expectedState: state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = idToken;
    } catch (error) {
      throw new OidcRefusal(refusalForTokenError(error), {
        identityProviderId: provider.id,
        detail: describeProviderError(error),
      });
    }
    let source: Record<string, unknown> = claims;
    // Providers may keep the e-mail out of the ID token (oidc-provider does by default):
    // then it is asked at the userinfo endpoint, with the subject checked.
    if (claims[provider.emailClaim] === undefined && tokens.access_token) {
      try {
        source = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      } catch (error) {
        throw new OidcRefusal(refusalForTokenError(error), {
          identityProviderId: provider.id,
          detail: describeProviderError(error),
        });
      }
    }
    const name = source.name ?? claims.name;
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: OidcAccounts.emailOf(source[provider.emailClaim]),
      // A claim other than `email` (e.g. Entra ID's `upn`) is the organisation's directory
      // speaking for its own domain; the standard `email` claim must say it was verified.
      emailVerified: provider.emailClaim !== 'email' || source.email_verified === true,
      displayName: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
    };
  }
}
