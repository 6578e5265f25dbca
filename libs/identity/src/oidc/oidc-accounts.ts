import { Injectable, Logger } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { emailDomainOf } from '../auth/auth.audit';
import type { IdentityProviderEntity } from '../identity-providers/identity-provider.entity';
import { UserAudit } from '../users/user.audit';
import { UserEntity } from '../users/user.entity';
import { OidcRefusal } from './oidc-refusal';
import { OidcSignInRepository, type SignInAccount } from './oidc-sign-in.repository';

/** Who the provider says signed in (the ID token, and the userinfo endpoint for the e-mail). */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** Lower-case; undefined when the claim is absent or no valid address. */
  email: string | undefined;
  emailVerified: boolean;
  displayName: string | undefined;
}

/**
 * Which user a sign-in through a provider is: found by (issuer, subject), or linked once —
 * by a verified e-mail address of the provider's domains to an active user of its
 * organisation (never a platform administrator), or, when the person started the sign-in
 * signed in to link their own account, to that account — or, where the provider may, made.
 * Runs in the sign-in's transaction; every refusal is an OidcRefusal.
 */
@Injectable()
export class OidcAccounts {
  private readonly logger = new Logger(OidcAccounts.name);

  constructor(
    private readonly repository: OidcSignInRepository,
    private readonly audit: AuditService,
  ) {}

  /** A claim's value as an e-mail address, if it is one (at most 254 characters). */
  static emailOf(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const email = value.trim().toLowerCase();
    return email.length <= 254 && isEmail(email) ? email : undefined;
  }

  async resolve(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    identity: ProviderIdentity,
    linkUserId: string | null,
  ): Promise<SignInAccount> {
    const context = { identityProviderId: provider.id, email: identity.email };
    const linked = await this.repository.linkedAccount(manager, identity.issuer, identity.subject);
    if (linked) {
      if (linkUserId !== null && linked.id !== linkUserId) {
        throw new OidcRefusal('OIDC_ALREADY_LINKED', { ...context, userId: linkUserId });
      }
      return this.signInLinked(manager, provider, linked);
    }
    const account =
      linkUserId === null
        ? await this.byEmail(manager, provider, identity)
        : await this.repository.accountById(manager, linkUserId);
    if (!account) {
      if (linkUserId !== null) throw new OidcRefusal('OIDC_USER_INACTIVE', context);
      if (!provider.createUsers) throw new OidcRefusal('OIDC_NO_ACCOUNT', context);
      return this.link(manager, provider, identity, await this.create(manager, provider, identity));
    }
    const refused = { ...context, userId: account.id };
    if (account.organisationId !== provider.organisationId) {
      throw new OidcRefusal('OIDC_OTHER_ORGANISATION', refused);
    }
    if (!account.isActive) throw new OidcRefusal('OIDC_USER_INACTIVE', refused);
    if (linkUserId === null && account.isPlatformAdmin) {
      throw new OidcRefusal('OIDC_LINK_NOT_ALLOWED', refused);
    }
    if (await this.repository.linkedAtIssuer(manager, account.id, identity.issuer)) {
      // A first sign-in of the same person at the same moment may just have linked it.
      const now = await this.repository.linkedAccount(manager, identity.issuer, identity.subject);
      if (now?.id === account.id) return this.signInLinked(manager, provider, now);
      throw new OidcRefusal('OIDC_ALREADY_LINKED', refused);
    }
    return this.link(manager, provider, identity, account, linkUserId !== null);
  }

  private async signInLinked(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    linked: SignInAccount & { identityId: string },
  ): Promise<SignInAccount> {
    const refused = { identityProviderId: provider.id, userId: linked.id };
    if (linked.organisationId !== provider.organisationId) {
      throw new OidcRefusal('OIDC_OTHER_ORGANISATION', refused);
    }
    if (!linked.isActive) throw new OidcRefusal('OIDC_USER_INACTIVE', refused);
    await this.repository.touch(manager, linked.identityId);
    return linked;
  }

  /** The account of a verified address of the provider's domains, if there is one. */
  private async byEmail(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    identity: ProviderIdentity,
  ): Promise<SignInAccount | undefined> {
    const context = { identityProviderId: provider.id, email: identity.email };
    const { email } = identity;
    if (email === undefined) throw new OidcRefusal('OIDC_EMAIL_MISSING', context);
    const domain = emailDomainOf(email);
    if (domain === null || !provider.allowedDomains.includes(domain)) {
      throw new OidcRefusal('OIDC_DOMAIN_NOT_ALLOWED', context);
    }
    if (!identity.emailVerified) throw new OidcRefusal('OIDC_EMAIL_UNVERIFIED', context);
    return this.repository.accountByEmail(manager, email);
  }

  private async link(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    identity: ProviderIdentity,
    account: SignInAccount,
    byThemselves = false,
  ): Promise<SignInAccount> {
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
      details: {
        userId: account.id,
        identityProviderId: provider.id,
        issuer: identity.issuer,
        linkedBy: byThemselves ? 'the_user_signed_in' : 'verified_email',
      },
    });
    return account;
  }

  /** A person new here, with no password and no programme roles until a coordinator adds them. */
  private async create(
    manager: EntityManager,
    provider: IdentityProviderEntity,
    identity: ProviderIdentity,
  ): Promise<SignInAccount> {
    const email = identity.email as string; // checked by byEmail
    const users = manager.getRepository(UserEntity);
    const user = await users.save(
      users.create({
        email,
        displayName: (identity.displayName ?? email).slice(0, 200),
        organisationId: provider.organisationId,
        passwordHash: null,
        isPlatformAdmin: false,
        isActive: true,
      }),
    );
    const created = UserAudit.created(user);
    await this.audit.record(manager, {
      ...created,
      actor: { type: 'user', id: user.id, organisationId: user.organisationId },
      details: { ...created.details, createdAtSignInThrough: provider.id },
    });
    this.logger.log(
      { event: 'user_created_at_sign_in', userId: user.id, identityProviderId: provider.id },
      'a user is made at their first sign-in through their organisation',
    );
    return {
      id: user.id,
      email: user.email,
      organisationId: user.organisationId,
      isActive: true,
      isPlatformAdmin: false,
    };
  }
}
