/**
 * The flags Node runs the worker with wherever this repository starts it: `npm start`, `npm
 * run start:worker`, docker-compose, the Dockerfile's example and the benchmarks (a test holds
 * package.json and docker-compose to this value).
 *
 * A 384 MB heap. Uncapped, V8 sizes the heap of a machine with plenty of memory generously
 * and lets it grow to about twice what the work keeps before collecting: a 10,000-row import
 * took the worker from 232 to 507 MiB, and that was headroom, not data. Capped, the same
 * import grows it by 143–154 MiB at the same pace, and the heaviest job measured, a
 * 100,000-action XLSX or PDF report, still fits. The trade (a worker whose live data passed
 * the cap stops, and its jobs are retried) is in the README, "Architecture".
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];
