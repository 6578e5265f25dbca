import { dataSourceOptions, migrationDataSourceOptions } from './data-source-options';

type Extra = { extra: { options: string; application_name: string; max: number }; url: string };

describe('migrationDataSourceOptions', () => {
  const database = {
    url: 'postgres://sbt_app@db/tracker',
    migrationUrl: 'postgres://sbt_owner@db/tracker',
    runtimeRole: 'sbt_app',
    ssl: false,
  };

  it('connects as the migration role and names the runtime role in a session setting', () => {
    const options = migrationDataSourceOptions(database, []) as unknown as Extra;
    expect(options.url).toBe('postgres://sbt_owner@db/tracker');
    expect(options.extra.options).toBe('-c TimeZone=UTC -c sbt.runtime_role=sbt_app');
    expect(options.extra.max).toBe(2);
  });

  it('escapes what libpq would split the options at', () => {
    const options = migrationDataSourceOptions(
      {
        ...database,
        runtimeRole: 'app role\\x',
      },
      [],
    ) as unknown as Extra;
    expect(options.extra.options).toBe('-c TimeZone=UTC -c sbt.runtime_role=app\\ role\\\\x');
  });

  it('sets nothing with one role, and the apps never carry the setting', () => {
    const one = migrationDataSourceOptions({ ...database, runtimeRole: undefined }, []);
    expect((one as unknown as Extra).extra.options).toBe('-c TimeZone=UTC');
    const app = dataSourceOptions({ url: database.url, poolSize: 10, ssl: false });
    expect((app as unknown as Extra).extra.options).toBe('-c TimeZone=UTC');
  });
});
