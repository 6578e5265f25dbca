// Exit 0 when the worker's heartbeat file is fresh: for container health checks and the launcher.
// Reads WORKER_HEALTH_FILE itself (not the full config) so that it needs no secrets.
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAX_AGE_MS = 30_000;
const file = process.env.WORKER_HEALTH_FILE || join(tmpdir(), 'sterk-bestuur-worker.health');
try {
  const age = Date.now() - statSync(file).mtimeMs;
  process.exit(age <= MAX_AGE_MS ? 0 : 1);
} catch {
  process.exit(1);
}
