import type { DataSource } from 'typeorm';
import type { PostOutcome } from './post-event';

/** An attempt's outcome to record: delivered, or (with its pause) to be tried again. */
export interface SettledAttempt {
  id: string;
  /**
   * Which attempt this was (the delivery's `attempts` when it was taken): the fencing token.
   * A later take counts another, so an attempt that outlived its lease records nothing.
   */
  attempt: number;
  outcome: PostOutcome;
  retrySeconds: number | null;
}

/** Outcomes recorded in one statement at most (bounded by WEBHOOK_CONCURRENCY in practice). */
export const MAX_OUTCOMES_PER_WRITE = 500;

/**
 * Records attempts' outcomes together, in one transaction: each delivery delivered, or put
 * back until its retry, and each subscription's last delivery (and success) once. One by
 * one, every outcome also updated its subscription's row, so a subscription's outcomes
 * queued on that row's lock, each holding it through its own commit (bench:webhooks: most
 * of PostgreSQL's sessions waiting on that lock, and the worker and PostgreSQL half idle).
 */
export async function recordOutcomes(
  dataSource: DataSource,
  settled: SettledAttempt[],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [rows]: [{ subscription_id: string; delivered: boolean }[], number] = await manager.query(
      `UPDATE webhook_deliveries d
            SET state = CASE WHEN o.retry_seconds IS NULL THEN 'delivered' ELSE d.state END,
                delivered_at = CASE WHEN o.retry_seconds IS NULL THEN now() ELSE d.delivered_at END,
                next_attempt_at = CASE WHEN o.retry_seconds IS NULL THEN d.next_attempt_at
                                       ELSE now() + make_interval(secs => o.retry_seconds) END,
                locked_until = NULL, last_status_code = o.status_code,
                last_duration_ms = o.duration_ms, last_error = o.error,
                response_excerpt = o.excerpt
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[],
                       $6::float8[], $7::int[])
                AS o(id, status_code, duration_ms, error, excerpt, retry_seconds, attempt)
          WHERE d.id = o.id AND d.state = 'pending' AND d.attempts = o.attempt
          RETURNING d.subscription_id, o.retry_seconds IS NULL AS delivered`,
      [
        settled.map((s) => s.id),
        settled.map((s) => s.outcome.statusCode),
        settled.map((s) => s.outcome.durationMs),
        settled.map((s) => s.outcome.error?.slice(0, 500) ?? null),
        settled.map((s) => s.outcome.excerpt),
        settled.map((s) => s.retrySeconds),
        settled.map((s) => s.attempt),
      ],
    );
    const succeeded = new Map<string, boolean>();
    for (const row of rows) {
      succeeded.set(
        row.subscription_id,
        (succeeded.get(row.subscription_id) ?? false) || row.delivered,
      );
    }
    if (succeeded.size === 0) return;
    // Locked in the order of their ids: two workers' groups never wait on each other in a circle.
    const ids = [...succeeded.keys()].sort();
    await manager.query(
      `SELECT 1 FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [ids],
    );
    await manager.query(
      `UPDATE webhook_subscriptions s
          SET last_delivery_at = now(),
              last_success_at = CASE WHEN x.delivered THEN now() ELSE s.last_success_at END
         FROM unnest($1::uuid[], $2::boolean[]) AS x(id, delivered)
        WHERE s.id = x.id`,
      [ids, ids.map((id) => succeeded.get(id))],
    );
  });
}
