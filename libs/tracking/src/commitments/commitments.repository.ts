import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset, type SortTerm } from '@app/core';
import { ORGANISATION_ROWS, PROGRAMME_ROWS } from '@app/identity';
import { CommitmentEntity, type CommitmentKind, type LineageRelation } from './commitment.entity';
import { type CommitmentChildren, NO_CHILDREN } from './commitment.response';
import { kamerstukKey, kamerstukSql, textSearchSql } from '../search/search-query';

export interface CommitmentFilter {
  /** Undefined: every programme (a platform administrator). */
  programmeIds?: readonly string[];
  kinds?: readonly CommitmentKind[];
  party?: string;
  q?: string;
}

export interface PageRequest {
  sort: readonly SortTerm[];
  limit: number;
  cursor?: string;
}

export interface CommitmentValues {
  programmeId: string;
  kind: CommitmentKind;
  title: string;
  description: string;
  dateAgreed: string | null;
  attributes: Record<string, unknown>;
}

export type CommitmentChanges = Partial<
  Pick<CommitmentValues, 'title' | 'description' | 'dateAgreed' | 'attributes'>
>;

export interface ReferenceValues {
  document: string;
  kamerstuk?: string | null;
  date?: string | null;
  url?: string | null;
}

/** Sort keys of the list; keys must never be NULL, so an absent date sorts as -infinity. */
const SORT_COLUMNS = {
  createdAt: { expression: 'c.created_at' },
  dateAgreed: { expression: `COALESCE(c.date_agreed, '-infinity'::date)` },
  title: { expression: 'lower(c.title)' },
};

const COLUMN_OF: Record<keyof CommitmentChanges, string> = {
  title: 'title',
  description: 'description',
  dateAgreed: 'date_agreed',
  attributes: 'attributes',
};

/** Escapes the pattern characters of a search text for ILIKE … ESCAPE '\'. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The children of each commitment in one round trip, as JSON: parties (with the
 * organisation's code and name), references in order, and the lineage both ways.
 */
const CHILDREN_SQL = `
  SELECT c.id,
    COALESCE((SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name) ORDER BY o.code)
      FROM commitment_parties p JOIN ${ORGANISATION_ROWS} o ON o.id = p.organisation_id
      WHERE p.commitment_id = c.id), '[]') AS parties,
    COALESCE((SELECT json_agg(json_build_object('document', r.document, 'kamerstuk', r.kamerstuk,
        'date', r.date, 'url', r.url) ORDER BY r.position)
      FROM commitment_references r WHERE r.commitment_id = c.id), '[]') AS "references",
    COALESCE((SELECT json_agg(json_build_object('relation', l.relation, 'commitmentId', e.id,
        'title', e.title) ORDER BY e.created_at, e.id)
      FROM commitment_lineage l JOIN commitments e ON e.id = l.earlier_commitment_id
      WHERE l.commitment_id = c.id), '[]') AS lineage,
    COALESCE((SELECT json_agg(json_build_object('relation', l.relation, 'commitmentId', n.id,
        'title', n.title) ORDER BY n.created_at, n.id)
      FROM commitment_lineage l JOIN commitments n ON n.id = l.commitment_id
      WHERE l.earlier_commitment_id = c.id), '[]') AS later
  FROM unnest($1::uuid[]) AS c(id)`;

@Injectable()
export class CommitmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  page(filter: CommitmentFilter, page: PageRequest): Promise<KeysetPage<CommitmentEntity>> {
    const query = this.dataSource.getRepository(CommitmentEntity).createQueryBuilder('c');
    if (filter.programmeIds)
      query.andWhere('c.programme_id = ANY(:programmeIds)', { programmeIds: filter.programmeIds });
    if (filter.kinds?.length) query.andWhere('c.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.party) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id AND p.organisation_id = :party)',
        { party: filter.party },
      );
    }
    const q = filter.q;
    if (q) {
      const kamerstuk = kamerstukKey(q);
      query.andWhere(
        new Brackets((where) => {
          where
            .where(textSearchSql('c', ':q'), { q })
            // As before full text: the title containing the text anywhere.
            .orWhere(`c.title ILIKE :contains ESCAPE '\\'`, {
              contains: containsPattern(q),
            });
          if (kamerstuk) {
            where.orWhere(
              `EXISTS (SELECT 1 FROM commitment_references r
                WHERE r.commitment_id = c.id AND ${kamerstukSql('r.kamerstuk', ':kamerstuk')})`,
              { kamerstuk },
            );
          }
        }),
      );
    }
    return paginateKeyset(query, { ...page, columns: SORT_COLUMNS, tiebreaker: 'c.id' });
  }

  findById(id: string, manager?: EntityManager): Promise<CommitmentEntity | null> {
    return this.manager(manager).getRepository(CommitmentEntity).findOneBy({ id });
  }

  /** The parties, references and lineage of each commitment, by id. */
  async children(
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CommitmentChildren>> {
    if (ids.length === 0) return new Map();
    const rows: (CommitmentChildren & { id: string })[] = await this.manager(manager).query(
      CHILDREN_SQL,
      [ids],
    );
    return new Map(rows.map(({ id, ...children }) => [id, children]));
  }

  async childrenOf(id: string, manager?: EntityManager): Promise<CommitmentChildren> {
    return (await this.children([id], manager)).get(id) ?? NO_CHILDREN;
  }

  async insert(
    values: CommitmentValues & { id?: string },
    manager: EntityManager,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO commitments (id, programme_id, kind, title, description, date_agreed, attributes)
       VALUES (COALESCE($7::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [
        values.programmeId,
        values.kind,
        values.title,
        values.description,
        values.dateAgreed,
        JSON.stringify(values.attributes),
        values.id ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Applies `changes` and moves the version on, only if the row still has `version`: the
   * optimistic lock (TypeORM's save() does not check a version column). False when stale.
   */
  async updateVersioned(
    id: string,
    version: number,
    changes: CommitmentChanges,
    manager: EntityManager,
  ): Promise<boolean> {
    const parameters: unknown[] = [id, version];
    const assignments = Object.entries(changes).map(([key, value]) => {
      const column = COLUMN_OF[key as keyof CommitmentChanges];
      parameters.push(column === 'attributes' ? JSON.stringify(value) : value);
      return `"${column}" = $${parameters.length}${column === 'attributes' ? '::jsonb' : ''}`;
    });
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE commitments SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1 AND version = $2`,
      parameters,
    );
    return count === 1;
  }

  /** Deletes the commitment if it still has `version`; its own rows go with it (cascade). */
  async deleteVersioned(id: string, version: number, manager: EntityManager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      'DELETE FROM commitments WHERE id = $1 AND version = $2',
      [id, version],
    );
    return count === 1;
  }

  async replaceParties(id: string, organisationIds: readonly string[], manager: EntityManager) {
    await manager.query('DELETE FROM commitment_parties WHERE commitment_id = $1', [id]);
    if (organisationIds.length === 0) return;
    await manager.query(
      `INSERT INTO commitment_parties (commitment_id, organisation_id)
       SELECT $1, unnest($2::uuid[])`,
      [id, organisationIds],
    );
  }

  async replaceReferences(
    id: string,
    references: readonly ReferenceValues[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('DELETE FROM commitment_references WHERE commitment_id = $1', [id]);
    if (references.length === 0) return;
    await manager.query(
      `INSERT INTO commitment_references (commitment_id, position, document, kamerstuk, date, url)
       SELECT $1, r.position - 1, r.document, r.kamerstuk, r.date, r.url
       FROM unnest($2::text[], $3::text[], $4::date[], $5::text[])
         WITH ORDINALITY AS r(document, kamerstuk, date, url, position)`,
      [
        id,
        references.map((reference) => reference.document),
        references.map((reference) => reference.kamerstuk ?? null),
        references.map((reference) => reference.date ?? null),
        references.map((reference) => reference.url ?? null),
      ],
    );
  }

  async replaceLineage(
    id: string,
    lineage: readonly { relation: LineageRelation; commitmentId: string }[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('DELETE FROM commitment_lineage WHERE commitment_id = $1', [id]);
    if (lineage.length === 0) return;
    await manager.query(
      `INSERT INTO commitment_lineage (commitment_id, earlier_commitment_id, relation)
       SELECT $1, l.earlier, l.relation FROM unnest($2::uuid[], $3::text[]) AS l(earlier, relation)`,
      [id, lineage.map((link) => link.commitmentId), lineage.map((link) => link.relation)],
    );
  }

  async programmeExists(programmeId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${PROGRAMME_ROWS} p WHERE id = $1`, [
      programmeId,
    ]);
    return rows.length > 0;
  }

  /** Which of `ids` are commitments of `programmeId`. */
  async inProgramme(
    ids: readonly string[],
    programmeId: string,
    manager: EntityManager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM commitments WHERE id = ANY($1::uuid[]) AND programme_id = $2',
      [ids, programmeId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Which of `ids` already build on `target`, directly or through earlier links. */
  async buildingOn(
    ids: readonly string[],
    target: string,
    manager: EntityManager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // UNION (not UNION ALL) stops at rows already seen, so even a corrupt cycle ends.
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE walk(start_id, id) AS (
         SELECT s, s FROM unnest($1::uuid[]) AS s
         UNION
         SELECT w.start_id, l.earlier_commitment_id
         FROM walk w JOIN commitment_lineage l ON l.commitment_id = w.id
       )
       SELECT DISTINCT start_id AS id FROM walk WHERE id = $2`,
      [ids, target],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Serialises lineage changes within a programme until the transaction ends: two changes
   * that each look acyclic could otherwise close a cycle together.
   */
  async lockLineage(programmeId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `commitment_lineage:${programmeId}`,
    ]);
  }
}
