import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import {
  APP_CONFIG,
  ConcurrencyErrors,
  type KeysetPage,
  mapPage,
  parseIfMatch,
  parseSort,
  SqlState,
  Transactions,
  violatedConstraint,
} from '@app/core';
import type { AppConfig } from '@app/core';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { ClientSecretCipher } from './client-secret-cipher';
import type { CreateIdentityProviderDto } from './dto/create-identity-provider.dto';
import { DEFAULT_SCOPES } from './dto/identity-provider-fields';
import {
  IDENTITY_PROVIDER_SORT_KEYS,
  type ListIdentityProvidersQuery,
} from './dto/list-identity-providers.query';
import type { UpdateIdentityProviderDto } from './dto/update-identity-provider.dto';
import { IdentityProviderAudit } from './identity-provider.audit';
import type { IdentityProviderEntity } from './identity-provider.entity';
import { mapIdentityProvider, type IdentityProviderResponse } from './identity-provider.response';
import { IdentityProviderErrors } from './identity-providers.errors';
import { IdentityProvidersRepository } from './identity-providers.repository';

const ONE_PER_ORGANISATION = 'uq_identity_providers_organisation';
const ORGANISATION_FK = 'fk_identity_providers_organisation';

/** The organisations' OpenID Connect providers, managed by platform administrators. */
@Injectable()
export class IdentityProvidersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly providers: IdentityProvidersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly cipher: ClientSecretCipher,
    private readonly audit: AuditService,
  ) {}

  /** One page of providers (the API wraps it in its list envelope). */
  async list(query: ListIdentityProvidersQuery): Promise<KeysetPage<IdentityProviderResponse>> {
    const sort = parseSort(query.sort, IDENTITY_PROVIDER_SORT_KEYS, [
      { key: 'displayName', direction: 'asc' },
    ]);
    const page = await this.providers.page(
      { organisationId: query.organisationId },
      { sort, limit: query.limit, cursor: query.cursor },
    );
    const items = await this.toResponses(page.items);
    return mapPage({ ...page, items }, (item) => item);
  }

  async get(id: string): Promise<IdentityProviderResponse> {
    const provider = await this.providers.findById(id);
    if (!provider) throw IdentityProviderErrors.notFound();
    return (await this.toResponses([provider]))[0];
  }

  async create(
    actor: Principal,
    dto: CreateIdentityProviderDto,
  ): Promise<IdentityProviderResponse> {
    this.checkIssuer(dto.issuer);
    if (!(await this.organisations.exists(dto.organisationId))) {
      throw IdentityProviderErrors.unknownOrganisation();
    }
    // The id is chosen here: the secret's encryption is bound to it.
    const id = randomUUID();
    try {
      const provider = await this.transactions.run(async (manager) => {
        const created = await this.providers.save(
          manager,
          this.providers.create({
            id,
            organisationId: dto.organisationId,
            displayName: dto.displayName,
            issuer: dto.issuer,
            clientId: dto.clientId,
            clientSecretEncrypted: this.cipher.encrypt(dto.clientSecret, id),
            scopes: dto.scopes ?? [...DEFAULT_SCOPES],
            emailClaim: dto.emailClaim ?? 'email',
            allowedDomains: dto.allowedDomains,
            createUsers: dto.createUsers ?? false,
            passwordSignInDisabled: dto.passwordSignInDisabled ?? false,
            enabled: dto.enabled ?? true,
            version: 1,
          }),
        );
        await this.checkNotLockedOut(manager, actor, created);
        await this.audit.record(manager, IdentityProviderAudit.created(created));
        return created;
      });
      return (await this.toResponses([provider]))[0];
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Changes a provider at the version `ifMatch` names; a client secret sent replaces the stored one. */
  async update(
    actor: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateIdentityProviderDto,
  ): Promise<IdentityProviderResponse> {
    const expected = parseIfMatch(ifMatch);
    if (dto.issuer !== undefined) this.checkIssuer(dto.issuer);
    const provider = await this.transactions.run(async (manager) => {
      const current = await this.providers.findByIdForUpdate(manager, id);
      if (!current) throw IdentityProviderErrors.notFound();
      if (current.version !== expected) throw ConcurrencyErrors.versionConflict();
      const before = { ...current };
      if (dto.displayName !== undefined) current.displayName = dto.displayName;
      if (dto.issuer !== undefined) current.issuer = dto.issuer;
      if (dto.clientId !== undefined) current.clientId = dto.clientId;
      if (dto.clientSecret !== undefined) {
        current.clientSecretEncrypted = this.cipher.encrypt(dto.clientSecret, current.id);
      }
      if (dto.scopes !== undefined) current.scopes = dto.scopes;
      if (dto.emailClaim !== undefined) current.emailClaim = dto.emailClaim;
      if (dto.allowedDomains !== undefined) current.allowedDomains = dto.allowedDomains;
      if (dto.createUsers !== undefined) current.createUsers = dto.createUsers;
      if (dto.passwordSignInDisabled !== undefined) {
        current.passwordSignInDisabled = dto.passwordSignInDisabled;
      }
      if (dto.enabled !== undefined) current.enabled = dto.enabled;
      const event = IdentityProviderAudit.updated(before, current, dto.clientSecret !== undefined);
      // Nothing changed: no new version, no event (a retried PATCH is harmless).
      if (event.changes === undefined) return current;
      await this.checkNotLockedOut(manager, actor, current);
      current.version += 1;
      const saved = await this.providers.save(manager, current);
      await this.audit.record(manager, event);
      return saved;
    });
    return (await this.toResponses([provider]))[0];
  }

  /**
   * Deletes a provider: its organisation's people sign in with a password again. `ifMatch` is
   * optional here; when sent, a stale version is refused.
   */
  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const expected = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
    await this.transactions.run(async (manager) => {
      const current = await this.providers.findByIdForUpdate(manager, id);
      if (!current) throw IdentityProviderErrors.notFound();
      if (expected !== undefined && current.version !== expected) {
        throw ConcurrencyErrors.versionConflict();
      }
      await this.providers.remove(manager, current);
      await this.audit.record(manager, IdentityProviderAudit.deleted(current));
    });
  }

  /**
   * Refuses to switch off password sign-in for the administrator's own organisation while
   * their account is not linked to the provider: a provider that then fails (a wrong secret,
   * an outage) would leave them no way in to put it right.
   */
  private async checkNotLockedOut(
    manager: EntityManager,
    actor: Principal,
    provider: IdentityProviderEntity,
  ): Promise<void> {
    const locksOut =
      provider.enabled &&
      provider.passwordSignInDisabled &&
      provider.organisationId === actor.organisationId;
    if (!locksOut) return;
    // Compared as URLs: the ID tokens' `iss` is the discovery document's, which may differ
    // from the issuer typed here by a trailing slash (https://idp.example.nl vs …nl/).
    const issuer = new URL(provider.issuer).href;
    const linked = await this.providers.linkedIssuers(manager, actor.userId);
    if (
      !linked.some((candidate) => URL.canParse(candidate) && new URL(candidate).href === issuer)
    ) {
      throw IdentityProviderErrors.wouldLockYouOut();
    }
  }

  private checkIssuer(issuer: string): void {
    if (this.config.env === 'production' && !issuer.startsWith('https:')) {
      throw IdentityProviderErrors.httpIssuerInProduction();
    }
  }

  private async toResponses(
    providers: readonly IdentityProviderEntity[],
  ): Promise<IdentityProviderResponse[]> {
    const organisations = new Map(
      (await this.organisations.findByIds(providers.map((p) => p.organisationId))).map(
        (organisation) => [organisation.id, organisation],
      ),
    );
    return providers.map((provider) => {
      const organisation = organisations.get(provider.organisationId);
      if (!organisation) throw new Error(`identity provider ${provider.id} has no organisation`);
      return mapIdentityProvider(provider, organisation);
    });
  }

  /** A second provider for an organisation, or one deleted meanwhile: the client's problem. */
  private translate(error: unknown): unknown {
    if (violatedConstraint(error, SqlState.uniqueViolation) === ONE_PER_ORGANISATION) {
      return IdentityProviderErrors.organisationHasProvider();
    }
    if (violatedConstraint(error, SqlState.foreignKeyViolation) === ORGANISATION_FK) {
      return IdentityProviderErrors.unknownOrganisation();
    }
    return error;
  }
}
