/**
 * The flags Node runs the worker with, wherever it is started: `npm start`, `npm run
 * start:worker`, docker-compose and the benchmarks (a test holds them to the same value).
 *
 * A 384 MB heap. Uncapped, V8 sizes the heap of a machine with plenty of memory generously
 * and lets it grow to about twice what the work keeps before collecting: a 10,000-row import
 * took the worker from 232 to 507 MiB, and that was headroom, not data. Capped, the same
 * import stays within +154 MiB at the same pace, and the heaviest jobs, a 100,000-action XLSX
 * or PDF report, still fit (`bench:reports` run with the cap; see the README's benchmarks).
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];
