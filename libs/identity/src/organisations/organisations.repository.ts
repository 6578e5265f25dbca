import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { KeysetPage, paginateKeyset, SortTerm } from '@app/core';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity';
import { containsPattern } from './search-pattern';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  q?: string;
}

export interface PageRequest {
  sort: readonly SortTerm[];
  limit: number;
  cursor?: string;
}

/** Sortable keys of the organisation list; names compare case-insensitively. */
const SORT_COLUMNS = {
  name: { expression: 'lower(o.name)' },
  code: { expression: 'o.code' },
};

@Injectable()
export class OrganisationsRepository {
  constructor(
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  private repository(manager?: EntityManager): Repository<OrganisationEntity> {
    return manager ? manager.getRepository(OrganisationEntity) : this.organisations;
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.repository(manager).findOneBy({ id });
  }

  /** Reads and row-locks one organisation, so concurrent changes apply one after the other. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.repository(manager).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<OrganisationEntity[]> {
    if (ids.length === 0) return [];
    return this.repository(manager).findBy({ id: In([...new Set(ids)]) });
  }

  exists(id: string, manager?: EntityManager): Promise<boolean> {
    return this.repository(manager).existsBy({ id });
  }

  page(filter: OrganisationFilter, page: PageRequest): Promise<KeysetPage<OrganisationEntity>> {
    const query = this.organisations.createQueryBuilder('o');
    if (filter.kind !== undefined) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.q !== undefined && filter.q !== '') {
      query.andWhere(`(o.name ILIKE :q ESCAPE '\\' OR o.code ILIKE :q ESCAPE '\\')`, {
        q: containsPattern(filter.q),
      });
    }
    return paginateKeyset(query, { ...page, columns: SORT_COLUMNS, tiebreaker: 'o.id' });
  }

  save(manager: EntityManager, organisation: OrganisationEntity): Promise<OrganisationEntity> {
    return this.repository(manager).save(organisation);
  }

  create(values: Pick<OrganisationEntity, 'code' | 'name' | 'kind'>): OrganisationEntity {
    return this.organisations.create(values);
  }
}
