/** What global setup made for this test run, handed to global teardown. */
export interface TestRunState {
  databaseName: string;
  serverUrl?: string;
  /** The run's owner and runtime roles, dropped after its databases. */
  roles?: string[];
  redisUrl?: string;
  redisPrefix?: string;
  stops: (() => Promise<void>)[];
}
