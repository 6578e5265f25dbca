import { AsyncLocalStorage } from 'node:async_hooks';

/** One creating request that carries an `Idempotency-Key`. */
export interface IdempotencyClaim {
  /** Who sent it: `user:<id>` or `api_token:<id>`. */
  principal: string;
  /** `METHOD /path`: a key is scoped to one route. */
  route: string;
  key: string;
  /** HMAC-SHA256 (hex) of the method, path, query and canonical JSON body. */
  fingerprint: string;
}

interface ScopeState {
  claim: IdempotencyClaim;
  /** A transaction is taking the claim right now. */
  claiming: boolean;
  /** The transaction that took the claim committed: the key is on record with the change. */
  committed: boolean;
  /** The handler has settled: later transactions (a denial's audit event) are not its own. */
  closed: boolean;
}

const storage = new AsyncLocalStorage<ScopeState>();

/**
 * Carries an `Idempotency-Key` from the HTTP layer to the transaction that makes the change,
 * without threading it through every service: the first transaction the handler opens
 * (`Transactions.run` or `Transactions.write`) records the key in itself (README
 * "Idempotency-Key").
 */
export const IdempotencyScope = {
  /** Runs `work` (the route handler) with `claim` waiting for its transaction. */
  run<T>(claim: IdempotencyClaim, work: () => T): { result: T; state: Readonly<ScopeState> } {
    const state: ScopeState = { claim, claiming: false, committed: false, closed: false };
    return { result: storage.run(state, work), state };
  },

  /** Ends the handler's part: no later transaction of this request takes the claim. */
  close(state: Readonly<ScopeState>): void {
    (state as ScopeState).closed = true;
  },

  /** Whether the request has a claim that no transaction has taken yet. */
  waiting(): boolean {
    const state = storage.getStore();
    return state !== undefined && !state.closed && !state.claiming && !state.committed;
  },

  /**
   * The claim for a transaction that is about to start, if the request has one no other
   * transaction has taken; the caller must report back with `settle`.
   */
  take(): ScopeState | undefined {
    const state = storage.getStore();
    if (!state || state.closed || state.claiming || state.committed) return undefined;
    state.claiming = true;
    return state;
  },

  /** The transaction that took the claim ended: committed (the key is recorded) or not. */
  settle(state: ScopeState, committed: boolean): void {
    state.claiming = false;
    state.committed = committed;
  },
};
