import '../libs/core/src/runtime/register-aliases';
/**
 * The worker as `bench:imports` runs it: apps/worker/src/main.ts's start, unchanged, with the
 * benchmark's probe on the IPC channel (statements sent to PostgreSQL, a CPU profile of a
 * window), as `serve-api.ts` is for the API. Configuration from the environment.
 */
import { instrumentPg, serveProbe } from './server-probe';
// Its bootstrap connects only after this module's body has run (Nest starts asynchronously),
// and the counter patches pg's shared prototype: every statement of the worker is counted.
import '../apps/worker/src/main';

instrumentPg();
// No port: the worker serves no HTTP; the parent waits for its health file instead.
serveProbe(0);
