import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { TrackEntity } from './track.entity';

export type TrackValues = Pick<TrackEntity, 'programmeId' | 'name' | 'position'> &
  Partial<Pick<TrackEntity, 'description'>>;

/** Every query names the programme: a track id of another programme finds nothing. */
@Injectable()
export class TracksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repository(manager?: EntityManager): Repository<TrackEntity> {
    return (manager ?? this.dataSource.manager).getRepository(TrackEntity);
  }

  /** One page of the programme's tracks, in their order. */
  page(
    programmeId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<TrackEntity>> {
    const query = this.repository()
      .createQueryBuilder('t')
      .where('t.programme_id = :programmeId', { programmeId });
    return paginateKeyset(query, {
      sort: [{ key: 'position', direction: 'asc' }],
      columns: { position: { expression: 't.position' } },
      tiebreaker: 't.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  find(programmeId: string, id: string, manager?: EntityManager): Promise<TrackEntity | null> {
    return this.repository(manager).findOneBy({ id, programmeId });
  }

  count(programmeId: string, manager: EntityManager): Promise<number> {
    return this.repository(manager).countBy({ programmeId });
  }

  /** Inserts a track; returns its id. */
  async insert(values: TrackValues, manager: EntityManager): Promise<string> {
    const result = await this.repository(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(
    programmeId: string,
    id: string,
    changes: Partial<Pick<TrackEntity, 'name' | 'description' | 'position'>>,
    manager: EntityManager,
  ): Promise<void> {
    await this.repository(manager).update({ id, programmeId }, changes);
  }

  async delete(programmeId: string, id: string, manager: EntityManager): Promise<void> {
    await this.repository(manager).delete({ id, programmeId });
  }

  /** Moves the tracks at positions from..to (to: the end when left out) by `delta` places. */
  async shift(
    programmeId: string,
    range: { from: number; to?: number },
    delta: 1 | -1,
    manager: EntityManager,
  ): Promise<void> {
    const query = this.repository(manager)
      .createQueryBuilder()
      .update(TrackEntity)
      .set({ position: () => `position + ${delta}` })
      .where('programme_id = :programmeId', { programmeId })
      .andWhere('position >= :from', { from: range.from });
    if (range.to !== undefined) query.andWhere('position <= :to', { to: range.to });
    await query.execute();
  }
}
