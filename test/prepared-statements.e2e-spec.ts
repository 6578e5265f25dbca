import { DataSource, type EntityManager, QueryRunnerAlreadyReleasedError } from 'typeorm';
import {
  dataSourceOptions,
  INSTANTS_AS_TEXT,
  isoInstant,
  queryPrepared,
  queryPreparedIn,
} from '@app/core';
import { asDatabaseOwner, testConfig } from './support/e2e';

/** Prepared statements inside a transaction behave as the transaction's own statements. */
describe('queryPreparedIn against PostgreSQL', () => {
  let dataSource: DataSource;
  const insert = 'INSERT INTO prepared_probes (label) VALUES ($1) RETURNING id, label';
  const count = 'SELECT count(*)::int AS n FROM prepared_probes WHERE label = $1';

  beforeAll(async () => {
    await asDatabaseOwner((owner) =>
      owner.query(
        'CREATE TABLE prepared_probes (id serial PRIMARY KEY, label text NOT NULL UNIQUE)',
      ),
    );
    // One connection: every statement below meets the prepared statements of the others.
    dataSource = new DataSource(dataSourceOptions({ ...testConfig().database, poolSize: 1 }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await asDatabaseOwner((owner) => owner.query('DROP TABLE prepared_probes'));
  });

  const counted = async (label: string) =>
    (await queryPrepared<{ n: number }>(dataSource, count, [label]))[0].n;

  it('sees its own uncommitted rows, commits and rolls back with the transaction', async () => {
    await dataSource.transaction(async (manager) => {
      const [row] = await queryPreparedIn<{ label: string }>(manager, insert, ['kept']);
      expect(row.label).toBe('kept');
      expect((await queryPreparedIn<{ n: number }>(manager, count, ['kept']))[0].n).toBe(1);
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await queryPreparedIn(manager, insert, ['undone']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await counted('kept')).toBe(1);
    expect(await counted('undone')).toBe(0);
  });

  it('fails with a QueryFailedError carrying the SQLSTATE, and the connection goes on', async () => {
    await expect(
      dataSource.transaction((manager) => queryPreparedIn(manager, insert, ['kept'])),
    ).rejects.toMatchObject({ name: 'QueryFailedError', driverError: { code: '23505' } });
    // The same prepared statement, on the same connection, after the failed transaction.
    await dataSource.transaction((manager) => queryPreparedIn(manager, insert, ['again']));
    expect(await counted('again')).toBe(1);
  });

  it('runs on its own outside a transaction', async () => {
    await queryPreparedIn(dataSource.manager, insert, ['alone']);
    expect(await counted('alone')).toBe(1);
  });

  it('prepares each text once per connection, under a name of its own', async () => {
    await counted('kept');
    await queryPrepared(dataSource, count, ['again']);
    // poolSize 1: the same connection as the statements above.
    const prepared = await queryPrepared<{ name: string; statement: string; n: number }>(
      dataSource,
      `SELECT name, statement, count(*) OVER (PARTITION BY statement)::int AS n
         FROM pg_prepared_statements WHERE statement = $1`,
      [count],
    );
    expect(prepared).toEqual([
      { name: expect.stringMatching(/^p_[0-9a-f]{24}$/), statement: count, n: 1 },
    ]);
  });

  it('answers a failed statement as a QueryFailedError and frees its pooled connection', async () => {
    // One parameter too many: PostgreSQL refuses the Bind (08P01).
    await expect(queryPrepared(dataSource, count, ['kept', 'extra'])).rejects.toMatchObject({
      name: 'QueryFailedError',
      driverError: { code: '08P01' },
    });
    // poolSize 1: a connection not given back would leave this one waiting for ever.
    expect(await counted('kept')).toBe(1);
  });

  it('reads instants as their text with INSTANTS_AS_TEXT, and as Dates without', async () => {
    const text = "SELECT '2026-12-07 19:19:32.416867+00'::timestamptz AS at, 42::int AS n";
    const [asText] = await queryPrepared<{ at: unknown; n: unknown }>(dataSource, text, [], {
      types: INSTANTS_AS_TEXT,
    });
    expect(asText).toEqual({ at: '2026-12-07 19:19:32.416867+00', n: 42 });
    expect(isoInstant(asText.at as string)).toBe('2026-12-07T19:19:32.416Z');
    const [asDate] = await queryPrepared<{ at: unknown }>(dataSource, text, []);
    expect(asDate.at).toEqual(new Date('2026-12-07T19:19:32.416Z'));
  });

  it("refuses a transaction's manager once the transaction is over", async () => {
    let over: EntityManager | undefined;
    await dataSource.transaction((manager) => {
      over = manager;
      return Promise.resolve();
    });
    await expect(queryPreparedIn(over!, count, ['kept'])).rejects.toBeInstanceOf(
      QueryRunnerAlreadyReleasedError,
    );
  });
});
