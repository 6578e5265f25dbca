import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { ANONYMOUS_ACTOR, AuditService, type AuditEventInput } from '@app/audit';
import { SqlState, Transactions, violatedConstraint } from '@app/core';
import { emailDomainOf } from '../auth/auth.audit';
import type { SessionTokensResponse } from '../auth/session-tokens.response';
import { SessionsService } from '../auth/sessions.service';
import { hashToken } from '../auth/token-hash';
import type { Principal } from '../access/principal';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';
import { OidcAccounts, type ProviderIdentity } from './oidc-accounts';
import { OidcClients } from './oidc-clients';
import { OidcCodeFlow, type StartedSignIn } from './oidc-code-flow';
import { OidcLinkErrors } from './oidc-link.errors';
import { describeProviderError, OidcRefusal } from './oidc-refusal';
import { type OfferedProvider, OidcSignInRepository } from './oidc-sign-in.repository';

/** A finished sign-in: the session's tokens, and where the person was going. */
export interface FinishedSignIn {
  tokens: SessionTokensResponse;
  returnTo: string;
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
    private readonly repository: OidcSignInRepository,
    private readonly flow: OidcCodeFlow,
    private readonly clients: OidcClients,
    private readonly accounts: OidcAccounts,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The redirect URI registered at every provider. */
  callbackUrl(): string {
    return this.flow.callbackUrl();
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
    const known = {
      providerId: request.providerId,
      email: request.email,
      returnTo: request.returnTo,
    };
    try {
      const provider = await this.providerFor(request);
      return await this.flow.authorize(provider, {
        returnTo: request.returnTo,
        loginHint: request.email,
        linkUserId: null,
      });
    } catch (error) {
      throw await this.refused(error, known);
    }
  }

  /**
   * Starts linking the signed-in person's own account to their organisation's provider: the
   * way a platform administrator's account is linked (never by e-mail address), and anyone's
   * whose link was removed. The callback then links the account at the provider to them.
   */
  async startLink(principal: Principal, returnTo: string): Promise<StartedSignIn> {
    const provider = await this.repository.providerOfOrganisation(principal.organisationId);
    if (!provider?.enabled) throw OidcLinkErrors.noProvider();
    try {
      return await this.flow.authorize(provider, {
        returnTo,
        loginHint: undefined,
        linkUserId: principal.userId,
      });
    } catch (error) {
      // Answered to a fetch of the web app: a problem, not a redirect.
      if (error instanceof OidcRefusal) throw OidcLinkErrors.unreachable();
      throw error;
    }
  }

  /**
   * Finishes a sign-in at its callback: `query` is the callback's query string, `cookieState`
   * the state this browser started with (its cookie).
   */
  async finish(query: URLSearchParams, cookieState: string | undefined): Promise<FinishedSignIn> {
    const known: { providerId?: string; returnTo?: string } = {};
    try {
      const state = query.get('state');
      // The state must be the one this browser started: a callback link made by someone else
      // (login CSRF: signing the victim in as the attacker) carries another.
      if (!state || cookieState === undefined || state !== cookieState) {
        throw new OidcRefusal('OIDC_STATE_INVALID');
      }
      const started = await this.repository.spendState(hashToken(state));
      if (!started) throw new OidcRefusal('OIDC_STATE_INVALID');
      known.returnTo = started.returnTo;
      if (started.used) throw new OidcRefusal('OIDC_STATE_REPLAYED');
      if (started.expired) throw new OidcRefusal('OIDC_STATE_EXPIRED');
      if (started.identityProviderId === null) throw new OidcRefusal('OIDC_PROVIDER_UNKNOWN');
      known.providerId = started.identityProviderId;
      const provider = await this.repository.findProvider(started.identityProviderId);
      if (!provider) throw new OidcRefusal('OIDC_PROVIDER_UNKNOWN');
      if (!provider.enabled) throw new OidcRefusal('OIDC_PROVIDER_DISABLED');
      const identity = await this.flow.identify(provider, query, state, started);
      const tokens = await this.signIn(provider, identity, started.linkUserId);
      return { tokens, returnTo: started.returnTo };
    } catch (error) {
      throw await this.refused(error, known);
    }
  }

  /**
   * Where to send the browser to sign out at the provider too (RP-initiated logout), or
   * undefined when the provider offers no such endpoint (or is gone).
   */
  async endSessionUrl(providerId: string, afterwards: string): Promise<string | undefined> {
    const provider = await this.repository.findProvider(providerId);
    if (!provider?.enabled) return undefined;
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
          error: describeProviderError(error),
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

  /** Finds or links (or creates) the user, and opens their session. */
  private async signIn(
    provider: IdentityProviderEntity,
    identity: ProviderIdentity,
    linkUserId: string | null,
  ): Promise<SessionTokensResponse> {
    const attempt = () =>
      this.transactions.run(async (manager) => {
        const account = await this.accounts.resolve(manager, provider, identity, linkUserId);
        const session = await this.sessions.open(manager, account, {
          method: 'oidc',
          identityProviderId: provider.id,
        });
        return session.tokens;
      });
    try {
      return await attempt();
    } catch (error) {
      // Two first sign-ins of one person at once: the other linked (or made the account)
      // first; this one finds it.
      const constraint = violatedConstraint(error, SqlState.uniqueViolation);
      if (constraint?.startsWith('uq_user_identities') || constraint === 'uq_users_email') {
        return attempt();
      }
      throw error;
    }
  }

  /**
   * Records a refusal in the audit log and answers it; anything else (the database away)
   * is answered as it is.
   */
  private async refused(
    error: unknown,
    known: { providerId?: string; email?: string; returnTo?: string },
  ): Promise<OidcRefusal> {
    if (!(error instanceof OidcRefusal)) {
      // Nothing the person did (the database away, a fault of ours): logged with its stack,
      // and the browser still lands on the sign-in page, not on a JSON error.
      this.logger.error(
        {
          event: 'oidc_sign_in_failed',
          identityProviderId: known.providerId ?? null,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        },
        'signing in through an identity provider failed',
      );
      return new OidcRefusal('OIDC_FAILED', { returnTo: known.returnTo });
    }
    const context = error.context;
    const identityProviderId = context.identityProviderId ?? known.providerId;
    const email = context.email ?? known.email;
    // A provider id is named only when it is one (not a uuid a stranger made up).
    const provider =
      identityProviderId === undefined || error.code === 'OIDC_PROVIDER_UNKNOWN'
        ? null
        : identityProviderId;
    const event: AuditEventInput = {
      operation: 'login_failed',
      result: 'failure',
      entityType: context.userId ? 'user' : 'identity_provider',
      entityId: context.userId ?? provider,
      actor: ANONYMOUS_ACTOR,
      details: {
        method: 'oidc',
        reason: error.code,
        identityProviderId: provider,
        emailDomain: email === undefined ? null : emailDomainOf(email),
      },
    };
    try {
      await this.audit.recordAlone(event);
    } catch (recordError) {
      this.logger.error(
        {
          event: 'audit_record_failed',
          operation: event.operation,
          error: describeProviderError(recordError),
        },
        'could not record a refused sign-in in the audit log',
      );
    }
    this.logger.warn(
      {
        event: 'oidc_sign_in_refused',
        reason: error.code,
        identityProviderId: provider,
        detail: context.detail?.slice(0, 300),
      },
      'refused a sign-in through an identity provider',
    );
    return context.returnTo === undefined && known.returnTo !== undefined
      ? new OidcRefusal(error.code, { ...context, returnTo: known.returnTo })
      : error;
  }
}
