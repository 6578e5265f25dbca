/** What global setup made for this test run, handed to global teardown. */
export interface TestRunState {
  databaseName: string;
  serverUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  stops: (() => Promise<void>)[];
}
