import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { IdempotencyKeys } from '../idempotency/idempotency-keys.repository';
import { IdempotencyScope } from '../idempotency/idempotency-scope';
import { isTransactionConflict, SqlState, sqlStateOf } from './database-errors';

/** Tries in all, the first included: enough to outlast a burst, short enough to answer soon. */
export const CONFLICT_ATTEMPTS = 4;
/** The first retry waits up to this long; each next one up to twice as long. */
const BASE_DELAY_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` and, when PostgreSQL rolled it back because it met another transaction — a
 * deadlock (40P01), a serialisation failure (40001) or a lock timeout (55P03) — runs it again,
 * at most `attempts` times in all, after a random wait ("full jitter": up to 20, 40, 80 ms),
 * so that the transactions that collided do not collide again in step (a lock timeout, which
 * has waited long already, is tried twice at most). The last failure is
 * thrown as it is; the HTTP layer answers it with 503 and `Retry-After`.
 *
 * `work` must be safe to repeat: everything it does is undone by the rollback (only writes
 * through its transaction, no e-mail, no queue, no state kept outside between tries).
 */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  options: { attempts?: number; onRetry?: (error: unknown, attempt: number) => void } = {},
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      // A lock timeout has already waited DATABASE_LOCK_TIMEOUT_MS: one more try, not three.
      const limit =
        sqlStateOf(error) === SqlState.lockNotAvailable ? Math.min(2, attempts) : attempts;
      if (attempt >= limit || !isTransactionConflict(error)) throw error;
      options.onRetry?.(error, attempt);
      await wait(Math.random() * BASE_DELAY_MS * 2 ** (attempt - 1));
    }
  }
}

/** What a transaction asked to do once it has committed, by its manager. */
const committedTasks = new WeakMap<EntityManager, (() => Promise<void>)[]>();

/**
 * Runs `task` once the transaction of `manager` (opened by `Transactions.run`) has committed,
 * before `run` answers; not at all when it rolls back (a retried attempt's tasks go with it).
 * For what must follow the commit and not precede it, such as telling other processes that
 * what they keep is out of date: told before the commit, they could read the old rows again.
 * A task that fails is logged, not thrown: the change it follows has committed.
 */
export function afterCommit(manager: EntityManager, task: () => Promise<void>): void {
  const tasks = committedTasks.get(manager);
  // Loud, not lost: a task on a manager no `run` watches would never run.
  if (!tasks) throw new Error('afterCommit needs a transaction of Transactions.run');
  tasks.push(task);
}

/** Rolls back a transaction whose one statement changed nothing, carrying its result out. */
class NothingWritten extends Error {
  constructor(readonly result: unknown) {
    super('the statement changed nothing');
  }
}

/**
 * The transactions of requests (DESIGN §5: no 500 when transactions meet). Services open
 * theirs here rather than on the DataSource: a deadlock, serialisation failure or lock timeout
 * rolls the whole transaction back and runs it again from the start (`retryOnConflict`), so
 * its body must only write through `manager`. A creating request that carries an
 * `Idempotency-Key` has its key recorded by the first transaction it opens here, first thing
 * (`IdempotencyScope`): the key commits with the change or not at all.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Absent outside the apps (the seeds): no request, no key.
    @Optional() private readonly keys?: IdempotencyKeys,
  ) {}

  run<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: { isolation?: IsolationLevel } = {},
  ): Promise<T> {
    const scope = this.keys ? IdempotencyScope.take() : undefined;
    let tasks: (() => Promise<void>)[] = [];
    const body = async (manager: EntityManager) => {
      // Each attempt starts with no tasks: those of an attempt rolled back are dropped.
      tasks = [];
      committedTasks.set(manager, tasks);
      if (scope) await this.keys!.claim(manager, scope.claim);
      return work(manager);
    };
    return retryOnConflict(
      () =>
        options.isolation
          ? this.dataSource.transaction(options.isolation, body)
          : this.dataSource.transaction(body),
      { onRetry: (error, attempt) => this.logRetry(error, attempt) },
    ).then(
      async (result) => {
        if (scope) IdempotencyScope.settle(scope, true);
        for (const task of tasks) {
          try {
            await task();
          } catch (error) {
            this.logger.error(
              { event: 'after_commit_failed', error: (error as Error).message },
              'a task after a commit failed',
            );
          }
        }
        return result;
      },
      (error: unknown) => {
        if (scope) IdempotencyScope.settle(scope, false);
        throw error;
      },
    );
  }

  /**
   * A change made in one statement (autocommit: `work` gets no manager), run again when it
   * met another transaction. With an `Idempotency-Key` waiting for its change, the statement
   * runs in a transaction with the key instead (`work` gets its manager); when `applied` says
   * the statement changed nothing (a version check that failed), that transaction rolls back,
   * so the key is not used up by a request that did nothing.
   */
  async write<T>(
    work: (manager?: EntityManager) => Promise<T>,
    applied: (result: T) => boolean = () => true,
  ): Promise<T> {
    if (this.keys && IdempotencyScope.waiting()) {
      try {
        return await this.run(async (manager) => {
          const result = await work(manager);
          if (!applied(result)) throw new NothingWritten(result);
          return result;
        });
      } catch (error) {
        if (error instanceof NothingWritten) return error.result as T;
        throw error;
      }
    }
    return retryOnConflict(() => work(undefined), {
      onRetry: (error, attempt) => this.logRetry(error, attempt),
    });
  }

  private logRetry(error: unknown, attempt: number): void {
    const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
    this.logger.debug(
      { event: 'transaction_retry', code, attempt },
      'transaction conflict; retrying',
    );
  }
}
