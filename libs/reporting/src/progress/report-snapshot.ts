import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Report queries read a whole programme: far above the planner's JIT threshold, where
 * compiling costs more (0.3–1.7 s at 100,000 actions) than it saves.
 */
const NO_JIT = 'SET LOCAL jit = off';

/** How long a streamed report may wait on a reader that stopped reading. */
const STALLED_READER_SECONDS = 120;

/** Runs `work` in a read-only REPEATABLE READ transaction of the pool, without JIT. */
export function readOnly<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    await manager.query(NO_JIT);
    return work(manager);
  });
}

/**
 * A read-only REPEATABLE READ transaction on a connection of its own, for a report of now:
 * its summary and its rows see the same data. Released once, by whoever is done first.
 */
export class ReportSnapshot {
  private released = false;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(dataSource: DataSource): Promise<ReportSnapshot> {
    const runner = dataSource.createQueryRunner('slave');
    await runner.connect();
    const snapshot = new ReportSnapshot(runner);
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(NO_JIT);
      // A client that stops reading leaves the transaction idle: PostgreSQL ends it after this,
      // the stream fails, and the connection is the pool's again.
      await runner.query(
        `SET LOCAL idle_in_transaction_session_timeout = '${STALLED_READER_SECONDS}s'`,
      );
      return snapshot;
    } catch (error) {
      await snapshot.release();
      throw error;
    }
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Ends the transaction (it only read) and hands the connection back. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch {
      // A connection PostgreSQL ended (a stalled reader) is released all the same.
    } finally {
      await this.runner.release();
    }
  }
}
