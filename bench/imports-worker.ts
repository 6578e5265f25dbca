import '../libs/core/src/runtime/register-aliases';
/**
 * The worker as `bench:imports` runs it: apps/worker/src/main.ts's start, unchanged, with the
 * benchmark's probe on the IPC channel (statements sent to PostgreSQL, a CPU profile of a
 * window), as `serve-api.ts` is for the API. Configuration from the environment.
 *
 * BENCH_WORKER_PREPARE=1 is a what-if, not the product: every parameterised statement the
 * worker sends becomes a named prepared statement (per connection, the first 500 texts), so
 * PostgreSQL parses and plans each text once per connection instead of on every call.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { instrumentPg, serveProbe } from './server-probe';
// Its bootstrap connects only after this module's body has run (Nest starts asynchronously),
// and the counter patches pg's shared prototype: every statement of the worker is counted.
import '../apps/worker/src/main';

const MAX_PREPARED = 500;

function prepareEveryStatement(): void {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  const names = new Map<string, string>();
  prototype.query = function prepared(this: unknown, ...args: unknown[]) {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && !callback) {
      let name = names.get(text);
      if (name === undefined && names.size < MAX_PREPARED) {
        name = `bench_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
        names.set(text, name);
      }
      if (name !== undefined) return query.call(this, { name, text, values });
    }
    return query.apply(this, args);
  };
}

if (process.env.BENCH_WORKER_PREPARE === '1') prepareEveryStatement();
instrumentPg();
// No port: the worker serves no HTTP; the parent waits for its health file instead.
serveProbe(0);
