import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { type KeysetPage, paginateKeyset, type SortTerm } from '@app/core';
import { ProgrammeEntity, type ProgrammeStatus } from './programme.entity';

const SORT_COLUMNS = {
  name: { expression: 'p.name' },
  slug: { expression: 'p.slug' },
  createdAt: { expression: 'p.created_at' },
};

export interface PageRequest {
  sort: readonly SortTerm[];
  limit: number;
  cursor?: string;
}

export type ProgrammeValues = Pick<ProgrammeEntity, 'name' | 'slug'> &
  Partial<
    Pick<ProgrammeEntity, 'description' | 'startDate' | 'endDate' | 'status' | 'openDataLicence'>
  >;

@Injectable()
export class ProgrammesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repository(manager?: EntityManager): Repository<ProgrammeEntity> {
    return (manager ?? this.dataSource.manager).getRepository(ProgrammeEntity);
  }

  /** One page of programmes: all of them, or only those whose ids are given. */
  page(
    filter: { ids?: readonly string[]; status?: ProgrammeStatus },
    page: PageRequest,
  ): Promise<KeysetPage<ProgrammeEntity>> {
    const query = this.repository().createQueryBuilder('p');
    if (filter.ids) query.andWhere('p.id = ANY(:ids)', { ids: filter.ids });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    return paginateKeyset(query, {
      sort: page.sort,
      columns: SORT_COLUMNS,
      tiebreaker: 'p.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  findById(id: string, manager?: EntityManager): Promise<ProgrammeEntity | null> {
    return this.repository(manager).findOneBy({ id });
  }

  /**
   * Reads the programme and locks its row until the transaction ends. Every change to a
   * programme, its tracks or its members takes this lock first, so they take turns: track
   * positions stay a gapless 0..n-1 and two coordinators cannot demote each other at once.
   */
  lock(id: string, manager: EntityManager): Promise<ProgrammeEntity | null> {
    return this.repository(manager)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  /** Inserts a programme; returns its id. */
  async insert(values: ProgrammeValues, manager: EntityManager): Promise<string> {
    const result = await this.repository(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(
    id: string,
    changes: Partial<ProgrammeValues>,
    manager: EntityManager,
  ): Promise<void> {
    await this.repository(manager).update({ id }, changes);
  }
}
