import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { DomainError, dataSourceOptions, encodeCursor, paginateKeyset, SortTerm } from '@app/core';
import { asDatabaseOwner, testConfig } from './support/e2e';

@Entity({ name: 'pagination_probes' })
class PaginationProbe {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

const columns = {
  title: { expression: 'p.title' },
  deadline: { expression: "COALESCE(p.deadline, 'infinity'::date)" },
  updatedAt: { expression: 'p.updated_at' },
};

describe('keyset pagination against PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // A throw-away table in the run's own database, made by its owner as a migration would:
    // the runtime role reads and writes it through the default privileges.
    await asDatabaseOwner((owner) =>
      owner.query(`CREATE TABLE pagination_probes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, deadline date,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp())`),
    );
    dataSource = new DataSource(dataSourceOptions(testConfig().database, [PaginationProbe]));
    await dataSource.initialize();
    // Equal deadlines, NULL deadlines and microsecond-apart timestamps: the hard cases.
    await dataSource.query(`INSERT INTO pagination_probes (title, deadline)
      SELECT 'action ' || lpad(n::text, 3, '0'),
             CASE WHEN n % 5 = 0 THEN NULL ELSE date '2026-01-01' + (n % 7) END
        FROM generate_series(1, 57) AS n`);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await asDatabaseOwner((owner) => owner.query('DROP TABLE pagination_probes'));
  });

  const query = () => dataSource.getRepository(PaginationProbe).createQueryBuilder('p');

  async function walk(
    sort: SortTerm[],
    limit: number,
    insertWhileWalking = false,
  ): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await paginateKeyset(query(), {
        sort,
        columns,
        tiebreaker: 'p.id',
        limit,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      if (insertWhileWalking) {
        await dataSource.query(
          `INSERT INTO pagination_probes (title, deadline) VALUES ('late arrival', NULL)`,
        );
      }
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error('pagination did not end');
  }

  async function all(orderBy: string): Promise<string[]> {
    const rows: { id: string }[] = await dataSource.query(
      `SELECT id FROM pagination_probes p ORDER BY ${orderBy}`,
    );
    return rows.map((row) => row.id);
  }

  it('walks every row exactly once, in order, for mixed sort directions', async () => {
    const sort: SortTerm[] = [
      { key: 'deadline', direction: 'desc' },
      { key: 'title', direction: 'asc' },
    ];
    expect(await walk(sort, 10)).toEqual(
      await all("COALESCE(p.deadline, 'infinity'::date) DESC, p.title, p.id"),
    );
  });

  it('keeps microsecond timestamps exact in cursors', async () => {
    const sort: SortTerm[] = [{ key: 'updatedAt', direction: 'asc' }];
    expect(await walk(sort, 4)).toEqual(await all('p.updated_at, p.id'));
  });

  it('stays stable while rows are inserted during the walk', async () => {
    const before = await all('p.title, p.id');
    const seen = await walk([{ key: 'title', direction: 'asc' }], 8, true);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    await dataSource.query(`DELETE FROM pagination_probes WHERE title = 'late arrival'`);
  });

  it('goes back with the prev cursor to exactly the previous page', async () => {
    const sort: SortTerm[] = [{ key: 'title', direction: 'desc' }];
    const first = await paginateKeyset(query(), { sort, columns, tiebreaker: 'p.id', limit: 5 });
    expect(first.prevCursor).toBeUndefined();
    const second = await paginateKeyset(query(), {
      sort,
      columns,
      tiebreaker: 'p.id',
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(second.prevCursor).toBeDefined();
    const back = await paginateKeyset(query(), {
      sort,
      columns,
      tiebreaker: 'p.id',
      limit: 5,
      cursor: second.prevCursor,
    });
    expect(back.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(back.prevCursor).toBeUndefined();
    expect(back.nextCursor).toBeDefined();
  });

  it('walks back page by page to the first one', async () => {
    const sort: SortTerm[] = [{ key: 'updatedAt', direction: 'desc' }];
    const options = { sort, columns, tiebreaker: 'p.id', limit: 6 };
    const forward = [await paginateKeyset(query(), options)];
    for (let i = 0; i < 3; i += 1) {
      forward.push(
        await paginateKeyset(query(), {
          ...options,
          cursor: forward[forward.length - 1].nextCursor,
        }),
      );
    }
    let page = forward[3];
    for (let i = 2; i >= 0; i -= 1) {
      page = await paginateKeyset(query(), { ...options, cursor: page.prevCursor });
      expect(page.items.map((item) => item.id)).toEqual(forward[i].items.map((item) => item.id));
    }
    expect(page.prevCursor).toBeUndefined();
  });

  it('answers a tampered cursor value with INVALID_CURSOR, not a database error', async () => {
    const sort: SortTerm[] = [{ key: 'updatedAt', direction: 'asc' }];
    const cursor = encodeCursor({
      direction: 'next',
      sort: 'updatedAt',
      values: ['not-a-time', 'not-a-uuid'],
    });
    await expect(
      paginateKeyset(query(), { sort, columns, tiebreaker: 'p.id', limit: 5, cursor }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(
      paginateKeyset(query(), { sort, columns, tiebreaker: 'p.id', limit: 5, cursor }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps a way back from an empty page after the rows under the cursor went away', async () => {
    const sort: SortTerm[] = [{ key: 'title', direction: 'asc' }];
    await dataSource.query(
      `INSERT INTO pagination_probes (title) VALUES ('zz 1'), ('zz 2'), ('zz 3')`,
    );
    const options = { sort, columns, tiebreaker: 'p.id', limit: 100 };
    const first = await paginateKeyset(query(), { ...options, limit: 57 });
    expect(first.nextCursor).toBeDefined();
    await dataSource.query(`DELETE FROM pagination_probes WHERE title LIKE 'zz %'`);
    const empty = await paginateKeyset(query(), { ...options, cursor: first.nextCursor });
    expect(empty.items).toEqual([]);
    expect(empty.nextCursor).toBeUndefined();
    const back = await paginateKeyset(query(), { ...options, cursor: empty.prevCursor });
    expect(back.items).toHaveLength(57);
  });
});
