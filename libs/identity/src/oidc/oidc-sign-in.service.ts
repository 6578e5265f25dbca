import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { EntityManager } from 'typeorm';
import { ANONYMOUS_ACTOR, AuditService, type AuditEventInput } from '@app/audit';
import { APP_CONFIG, SqlState, Transactions, violatedConstraint } from '@app/core';
import type { AppConfig } from '@app/core';
import { emailDomainOf } from '../auth/auth.audit';
import type { SessionTokensResponse } from '../auth/session-tokens.response';
import { SessionsService } from '../auth/sessions.service';
import { hashToken } from '../auth/token-hash';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';
import { UserAudit } from '../users/user.audit';
import { UserEntity } from '../users/user.entity';
import { OidcClients } from './oidc-clients';
import { OidcRefusal, refusalForTokenError } from './oidc-refusal';
import {
  type OfferedProvider,
  OidcSignInRepository,
  type SignInAccount,
} from './oidc-sign-in.repository';

/** How long a person has between starting a sign-in and coming back from their provider. */
export const LOGIN_STATE_TTL_SECONDS = 600;
/** The path of the callback, below the API's base path: the redirect URI to register. */
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

/** Where a started sign-in sends the browser, and the `state` its cookie must keep. */
export interface StartedSignIn {
  authorizationUrl: string;
  state: string;
}

/** A finished sign-in: the session's tokens, and where the person was going. */
export interface FinishedSignIn {
  tokens: SessionTokensResponse;
  returnTo: string;
}

interface Identity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  displayName: string | undefined;
}

/**
 * Signing in through an organisation's OpenID Connect provider (DESIGN §7): authorization
 * code with PKCE, `state` and `nonce` (openid-client). The person is found by (issuer,
 * subject), or linked once by a verified e-mail address of the provider's domains to an
 * active user of its organisation; then the product's own session opens, as a password
 * sign-in's does. Every refusal is an OidcRefusal, recorded in the audit log.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: OidcSignInRepository,
    private readonly clients: OidcClients,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The redirect URI registered at every provider. */
  callbackUrl(): string {
    return `${this.config.http.publicUrl}/v1${OIDC_CALLBACK_PATH}`;
  }

  offeredProviders(): Promise<OfferedProvider[]> {
    return this.repository.offeredProviders();
  }

  /**
   * Starts a sign-in at the provider with this id, or at the one serving the e-mail
   * address's domain (which it is also given as `login_hint`).
   */
  async start(request: {
    providerId?: string;
    email?: string;
    returnTo: string;
  }): Promise<StartedSignIn> {
    try {
      const provider = await this.providerFor(request);
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
      if (request.email !== undefined) parameters.login_hint = request.email;
      await this.repository.insertState({
        stateHash: hashToken(state),
        identityProviderId: provider.id,
        codeVerifier,
        nonce,
        returnTo: request.returnTo,
        ttlSeconds: LOGIN_STATE_TTL_SECONDS,
      });
      return {
        authorizationUrl: oidc.buildAuthorizationUrl(configuration, parameters).href,
        state,
      };
    } catch (error) {
      throw await this.refused(error, { email: request.email, providerId: request.providerId });
    }
  }

  /**
   * Finishes a sign-in at its callback: `query` is the callback's query string, `cookieState`
   * the state this browser started with (its cookie).
   */
  async finish(query: URLSearchParams, cookieState: string | undefined): Promise<FinishedSignIn> {
    let providerId: string | undefined;
    try {
      const state = query.get('state');
      // The state must be the one this browser started: a callback link made by someone else
      // (login CSRF: signing the victim in as the attacker) carries another.
      if (!state || cookieState === undefined || state !== cookieState) {
        throw new OidcRefusal('OIDC_STATE_INVALID');
      }
      const started = await this.repository.spendState(hashToken(state));
      if (!started) throw new OidcRefusal('OIDC_STATE_INVALID');
      providerId = started.identityProviderId;
      if (started.used) throw new OidcRefusal('OIDC_STATE_REPLAYED');
      if (started.expired) throw new OidcRefusal('OIDC_STATE_EXPIRED');
      const provider = await this.repository.findProvider(started.identityProviderId);
      if (!provider) throw new OidcRefusal('OIDC_PROVIDER_UNKNOWN');
      if (!provider.enabled) throw new OidcRefusal('OIDC_PROVIDER_DISABLED');
      const identity = await this.identify(provider, query, state, started);
      const tokens = await this.signIn(provider, identity);
      return { tokens, returnTo: started.returnTo };
    } catch (error) {
      throw await this.refused(error, { providerId });
    }
  }

  /**
   * Where to send the browser to sign out at the provider too (RP-initiated logout), or
   * undefined when the provider offers no such endpoint (or is gone).
   */
  async endSessionUrl(providerId: string, afterwards: string): Promise<string | undefined> {
    const provider = await this.repository.findProvider(providerId);
    if (!provider) return undefined;
    try {
      const configuration = await this.clients.configuration(provider);
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(configuration, {
        client_id: provider.clientId,
        post_logout_redirect_uri: afterwards,
      }).href;
    } catch (error) {
      this.logger.warn(
        {
          event: 'oidc_logout_unavailable',
          identityProviderId: provider.id,
          error: message(error),
        },
        "could not reach the identity provider's end-session endpoint",
      );
      return undefined;
    }
  }

  private async providerFor(request: {
    providerId?: string;
    email?: string;
  }): Promise<IdentityProviderEntity> {
    let provider: IdentityProviderEntity | null | undefined;
    if (request.providerId !== undefined) {
      provider = await this.repository.findProvider(request.providerId);
    } else {
      const domain = request.email === undefined ? null : emailDomainOf(request.email);
      const candidates = domain === null ? [] : await this.repository.providersForDomain(domain);
      const enabled = candidates.filter((candidate) => candidate.enabled);
      if (enabled.length > 1) throw new OidcRefusal('OIDC_PROVIDER_AMBIGUOUS');
      provider = enabled[0] ?? candidates[0];
    }
    if (!provider) throw new OidcRefusal('OIDC_PROVIDER_UNKNOWN');
    if (!provider.enabled) {
      throw new OidcRefusal('OIDC_PROVIDER_DISABLED', { identityProviderId: provider.id });
    }
    return provider;
  }

  private async configuration(provider: IdentityProviderEntity): Promise<oidc.Configuration> {
    try {
      return await this.clients.configuration(provider);
    } catch (error) {
      this.logger.warn(
        { event: 'oidc_discovery_failed', identityProviderId: provider.id, error: message(error) },
        'could not read the identity provider’s discovery document',
      );
      throw new OidcRefusal('OIDC_PROVIDER_UNREACHABLE', {
        identityProviderId: provider.id,
        detail: message(error),
      });
    }
  }

  /** Exchanges the code and checks the ID token; answers who the provider says this is. */
  private async identify(
    provider: IdentityProviderEntity,
    query: URLSearchParams,
    state: string,
    started: { codeVerifier: string; nonce: string },
  ): Promise<Identity> {
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
        detail: message(error),
      });
    }
    let source: Record<string, unknown> = claims;
    // Providers may keep the e-mail out of the ID token (oidc-provider does by default):
    // then it is asked at the userinfo endpoint, with the subject checked.
    if (claims[provider.emailClaim] === undefined && tokens.access_token) {
      try {
        source = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      } catch (error) {
        throw new OidcRefusal('OIDC_PROVIDER_UNREACHABLE', {
          identityProviderId: provider.id,
          detail: message(error),
        });
      }
    }
    const email = source[provider.emailClaim];
    const name = source.name ?? claims.name;
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof email === 'string' ? email.trim().toLowerCase() : undefined,
      // A claim other than `email` (e.g. Entra ID's `upn`) is the organisation's directory
      // speaking for its own domain; the standard `email` claim must say it was verified.
      emailVerified: provider.emailClaim !== 'email' || source.email_verified === true,
      displayName: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
    };
  }

  /** Finds or links (or creates) the user, and opens their session. */
  private async signIn(
    provider: IdentityProviderEntity,
    identity: Identity,
  ): Promise<SessionTokensResponse> {
    const attempt = () =>
      this.transactions.run(async (manager) => {
        const account = await this.account(manager, provider, identity);
        const session = await this.sessions.open(manager, account, {
          method: 'oidc',
          identityProviderId: provider.id,
        });
        return session.tokens;
      });
    try {
      return await attempt();
    } catch (error) {
      // Two first sign-ins of one person at once: the other linked first; this one finds it.
      if (violatedConstraint(error, SqlState.uniqueViolation)?.startsWith('uq_user_identities')) {
        return attempt();
      }
      throw error;
    }
  }

  private async account(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    identity: Identity,
  ): Promise<SignInAccount> {
    const context = { identityProviderId: provider.id, email: identity.email };
    const linked = await this.repository.linkedAccount(manager, identity.issuer, identity.subject);
    if (linked) {
      const refused = { ...context, userId: linked.id };
      if (linked.organisationId !== provider.organisationId) {
        throw new OidcRefusal('OIDC_OTHER_ORGANISATION', refused);
      }
      if (!linked.isActive) throw new OidcRefusal('OIDC_USER_INACTIVE', refused);
      await this.repository.touch(manager, linked.identityId);
      return linked;
    }
    const { email } = identity;
    if (email === undefined) throw new OidcRefusal('OIDC_EMAIL_MISSING', context);
    const domain = emailDomainOf(email);
    if (domain === null || !provider.allowedDomains.includes(domain)) {
      throw new OidcRefusal('OIDC_DOMAIN_NOT_ALLOWED', context);
    }
    if (!identity.emailVerified) throw new OidcRefusal('OIDC_EMAIL_UNVERIFIED', context);
    let account = await this.repository.accountByEmail(manager, email);
    if (account) {
      const refused = { ...context, userId: account.id };
      if (account.organisationId !== provider.organisationId) {
        throw new OidcRefusal('OIDC_OTHER_ORGANISATION', refused);
      }
      if (!account.isActive) throw new OidcRefusal('OIDC_USER_INACTIVE', refused);
      if (await this.repository.linkedAtIssuer(manager, account.id, identity.issuer)) {
        throw new OidcRefusal('OIDC_ALREADY_LINKED', refused);
      }
    } else {
      if (!provider.createUsers) throw new OidcRefusal('OIDC_NO_ACCOUNT', context);
      account = await this.createUser(manager, provider, email, identity.displayName);
    }
    const identityId = await this.repository.link(manager, {
      userId: account.id,
      issuer: identity.issuer,
      subject: identity.subject,
    });
    await this.audit.record(manager, {
      operation: 'create',
      entityType: 'user_identity',
      entityId: identityId,
      actor: { type: 'user', id: account.id, organisationId: account.organisationId },
      details: { userId: account.id, identityProviderId: provider.id, issuer: identity.issuer },
    });
    return account;
  }

  /** A person new here, with no password and no programme roles until a coordinator adds them. */
  private async createUser(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    email: string,
    displayName: string | undefined,
  ): Promise<SignInAccount> {
    const users = manager.getRepository(UserEntity);
    const user = await users.save(
      users.create({
        email,
        displayName: (displayName ?? email).slice(0, 200),
        organisationId: provider.organisationId,
        passwordHash: null,
        isPlatformAdmin: false,
        isActive: true,
      }),
    );
    await this.audit.record(manager, {
      ...UserAudit.created(user),
      actor: { type: 'user', id: user.id, organisationId: user.organisationId },
      details: { canSignIn: true, createdAtSignInThrough: provider.id },
    });
    this.logger.log(
      { event: 'user_created_at_sign_in', userId: user.id, identityProviderId: provider.id },
      'user created at their first sign-in through their organisation',
    );
    return { id: user.id, email: user.email, organisationId: user.organisationId, isActive: true };
  }

  /**
   * Records a refusal in the audit log and answers it; anything else (the database away)
   * is answered as it is.
   */
  private async refused(
    error: unknown,
    known: { providerId?: string; email?: string },
  ): Promise<unknown> {
    if (!(error instanceof OidcRefusal)) return error;
    const context = error.context;
    const identityProviderId = context.identityProviderId ?? known.providerId;
    const email = context.email ?? known.email;
    const event: AuditEventInput = {
      operation: 'login_failed',
      result: 'failure',
      entityType: context.userId ? 'user' : 'identity_provider',
      entityId: context.userId ?? identityProviderId ?? null,
      actor: ANONYMOUS_ACTOR,
      details: {
        method: 'oidc',
        reason: error.code,
        identityProviderId: identityProviderId ?? null,
        emailDomain: email === undefined ? null : emailDomainOf(email),
      },
    };
    try {
      await this.audit.recordAlone(event);
    } catch (recordError) {
      this.logger.error(
        { event: 'audit_record_failed', operation: event.operation, error: message(recordError) },
        'could not record a refused sign-in in the audit log',
      );
    }
    this.logger.warn(
      {
        event: 'oidc_sign_in_refused',
        reason: error.code,
        identityProviderId: identityProviderId ?? null,
        detail: context.detail?.slice(0, 300),
      },
      'refused a sign-in through an identity provider',
    );
    return error;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
