import { AsyncLocalStorage } from 'node:async_hooks';

export const ACTOR_TYPES = ['user', 'api_token', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who did it: a person, an API token (acting for its owner's organisation), or the system. */
export interface AuditActor {
  type: ActorType;
  /** The user or API token id; null for `system` and `anonymous`. */
  id: string | null;
  organisationId: string | null;
}

/** Where a request came from. */
export interface AuditOrigin {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The trace id of a W3C `traceparent` header, when the caller sent one. */
  traceId: string | null;
}

interface Store {
  origin: AuditOrigin;
  actor: AuditActor;
  /** Added to the details of every event recorded in this context (e.g. an import's id). */
  details?: Readonly<Record<string, unknown>>;
}

export const SYSTEM_ACTOR: AuditActor = Object.freeze({
  type: 'system',
  id: null,
  organisationId: null,
});

export const ANONYMOUS_ACTOR: AuditActor = Object.freeze({
  type: 'anonymous',
  id: null,
  organisationId: null,
});

const NO_ORIGIN: AuditOrigin = Object.freeze({
  clientAddress: null,
  userAgent: null,
  requestId: null,
  traceId: null,
});

const storage = new AsyncLocalStorage<Store>();

/**
 * The actor and origin of the work in progress, so that a service can record an audit event
 * without every call passing them down. The API opens a context per request and names the
 * actor once the caller is authenticated; outside a request (jobs, seeds, scripts) the actor
 * is `system`.
 */
export const AuditContext = {
  /** Runs `fn` (and everything it starts) in a request's context; the actor is anonymous until named. */
  run<T>(origin: AuditOrigin, fn: () => T): T {
    return storage.run({ origin, actor: ANONYMOUS_ACTOR }, fn);
  },

  /**
   * Runs `fn` as work done for `actor` outside a request (a job acting for the person who
   * asked for it), every event recorded in it carrying `details` (an import's id and row), so
   * that the log says who, and through what, each change was made.
   */
  runAs<T>(actor: AuditActor, details: Readonly<Record<string, unknown>>, fn: () => T): T {
    return storage.run({ origin: NO_ORIGIN, actor, details }, fn);
  },

  /** Names the authenticated actor of the current request. */
  setActor(actor: AuditActor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },

  current(): {
    origin: AuditOrigin;
    actor: AuditActor;
    details?: Readonly<Record<string, unknown>>;
  } {
    return storage.getStore() ?? { origin: NO_ORIGIN, actor: SYSTEM_ACTOR };
  },
};

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id of a W3C Trace Context `traceparent` header; null when absent or malformed. */
export function traceIdOf(traceparent: string | undefined): string | null {
  const match = traceparent === undefined ? null : TRACEPARENT.exec(traceparent.trim());
  if (!match || /^0+$/.test(match[1])) return null;
  return match[1];
}
