import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { KeysetPage, paginateKeyset, SortTerm } from '@app/core';
import { IdentityProviderEntity } from './identity-provider.entity';

export interface IdentityProviderFilter {
  organisationId?: string;
}

export interface IdentityProviderPageRequest {
  sort: readonly SortTerm[];
  limit: number;
  cursor?: string;
}

/** Sortable keys of the provider list; names compare case-insensitively. */
const SORT_COLUMNS = {
  displayName: { expression: 'lower(p.display_name)' },
  createdAt: { expression: 'p.created_at' },
};

@Injectable()
export class IdentityProvidersRepository {
  constructor(
    @InjectRepository(IdentityProviderEntity)
    private readonly providers: Repository<IdentityProviderEntity>,
  ) {}

  private repository(manager?: EntityManager): Repository<IdentityProviderEntity> {
    return manager ? manager.getRepository(IdentityProviderEntity) : this.providers;
  }

  findById(id: string): Promise<IdentityProviderEntity | null> {
    return this.providers.findOneBy({ id });
  }

  /** Reads and row-locks one provider, so that concurrent changes apply one after the other. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<IdentityProviderEntity | null> {
    return this.repository(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  page(
    filter: IdentityProviderFilter,
    page: IdentityProviderPageRequest,
  ): Promise<KeysetPage<IdentityProviderEntity>> {
    const query = this.providers.createQueryBuilder('p');
    if (filter.organisationId !== undefined) {
      query.andWhere('p.organisation_id = :organisationId', {
        organisationId: filter.organisationId,
      });
    }
    return paginateKeyset(query, { ...page, columns: SORT_COLUMNS, tiebreaker: 'p.id' });
  }

  create(values: Omit<IdentityProviderEntity, 'createdAt' | 'updatedAt'>): IdentityProviderEntity {
    return this.providers.create(values);
  }

  save(manager: EntityManager, provider: IdentityProviderEntity): Promise<IdentityProviderEntity> {
    return this.repository(manager).save(provider);
  }

  async remove(manager: EntityManager, provider: IdentityProviderEntity): Promise<void> {
    await this.repository(manager).delete({ id: provider.id });
  }

  /** The issuers (as their ID tokens name them) the user's account is linked to. */
  async linkedIssuers(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { issuer: string }[] = await manager.query(
      'SELECT issuer FROM user_identities WHERE user_id = $1',
      [userId],
    );
    return rows.map((row) => row.issuer);
  }
}
