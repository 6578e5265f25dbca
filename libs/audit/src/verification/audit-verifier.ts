import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ChainedEvent, GENESIS_HASH, hashEvent } from '../chain/audit-chain';
import type { StoredCheckpoint } from '../checkpoints/audit-checkpoint.store';
import type { ChainVerification, CheckpointComparison } from './chain-verification';

const PAGE_SIZE = 10_000n;

interface ChainRow extends ChainedEvent {
  hash: string;
}

/** The columns of a ChainRow, in this order. */
const SELECT_CHAIN = `
  SELECT "sequence"::text,
         to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         "actor_type", "actor_id", "actor_organisation_id", "client_address", "user_agent",
         "request_id", "trace_id", "operation", "result", "entity_type", "entity_id",
         "programme_id", "changes", "details", "prev_hash", "hash"
  FROM "audit_events"`;

type RawRow = [
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  string | null,
  string | null,
  unknown,
  unknown,
  string,
  string,
];

function toChainRow(raw: RawRow): ChainRow {
  return {
    sequence: raw[0],
    occurredAt: raw[1],
    actorType: raw[2],
    actorId: raw[3],
    actorOrganisationId: raw[4],
    clientAddress: raw[5],
    userAgent: raw[6],
    requestId: raw[7],
    traceId: raw[8],
    operation: raw[9],
    result: raw[10],
    entityType: raw[11],
    entityId: raw[12],
    programmeId: raw[13],
    changes: raw[14],
    details: raw[15],
    prevHash: raw[16],
    hash: raw[17],
  };
}

/** The part of a node-postgres client the walk uses. */
interface RawClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: RawRow[] }>;
}

interface Finding {
  sequence: bigint;
  reason: string;
}

/**
 * Recomputes the hash chain: every sequence present, each `prevHash` the previous event's
 * hash, each hash the SHA-256 of the event's content; then holds the log against the latest
 * signed checkpoint, which catches a removed tail and a chain rewritten up to its head.
 */
@Injectable()
export class AuditVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(options: {
    from?: bigint;
    checkpoint: StoredCheckpoint;
  }): Promise<ChainVerification> {
    const from = options.from !== undefined && options.from > 1n ? options.from : 1n;
    const [bounds] = await this.dataSource.query<{ head: string | null; max: string | null }[]>(
      `SELECT (SELECT "sequence"::text FROM "audit_chain_head" WHERE "id") AS "head",
              (SELECT max("sequence")::text FROM "audit_events") AS "max"`,
    );
    const end = [bounds.head, bounds.max]
      .map((value) => BigInt(value ?? '0'))
      .reduce((a, b) => (a > b ? a : b));

    let finding: Finding | undefined;
    let checked = 0;
    let prev = GENESIS_HASH;
    if (from > 1n && from <= end) {
      const hash = await this.hashAt(from - 1n);
      if (hash === undefined)
        finding = { sequence: from - 1n, reason: `event ${from - 1n} is missing` };
      else prev = hash;
    }

    let expected = from;
    if (!finding && from <= end) {
      // One connection of the pool, read in array mode: at a million events, building row
      // objects through the ORM would cost more than the hashing.
      const runner = this.dataSource.createQueryRunner();
      try {
        const client = (await runner.connect()) as RawClient;
        // Pages are ranges of sequence numbers, so each query reads one index range whatever
        // the planner's statistics say; the next page is fetched while this one is hashed.
        let after = from - 1n;
        let next: Promise<RawRow[]> | undefined = this.page(client, after, end);
        while (next) {
          const rows = await next;
          after += PAGE_SIZE;
          next = after < end ? this.page(client, after, end) : undefined;
          for (const raw of rows) {
            const row = toChainRow(raw);
            finding = check(row, expected, prev);
            if (finding) break;
            checked += 1;
            prev = row.hash;
            expected += 1n;
          }
          if (finding) {
            await next?.catch(() => undefined);
            break;
          }
        }
      } finally {
        await runner.release();
      }
    }
    if (!finding && expected <= end) {
      finding = { sequence: expected, reason: missing(expected, end) };
    }

    const checkpoint = await this.compare(options.checkpoint, end);
    if (checkpoint.finding && (!finding || checkpoint.finding.sequence < finding.sequence)) {
      finding = checkpoint.finding;
    }
    const result: ChainVerification = {
      valid: finding === undefined && checkpoint.comparison.status !== 'unreadable',
      checked,
      from: from.toString(),
      lastSequence: end === 0n ? null : end.toString(),
      checkpoint: checkpoint.comparison,
    };
    if (finding) {
      result.firstInvalidSequence = finding.sequence.toString();
      result.reason = finding.reason;
    } else if (checkpoint.comparison.status === 'unreadable') {
      result.reason = checkpoint.comparison.reason;
    }
    return result;
  }

  private async compare(
    stored: StoredCheckpoint,
    end: bigint,
  ): Promise<{ comparison: CheckpointComparison; finding?: Finding }> {
    if (stored.state === 'none') return { comparison: { status: 'none' } };
    if (stored.state === 'invalid') {
      return { comparison: { status: 'unreadable', reason: stored.reason } };
    }
    const { sequence, createdAt, hash } = stored.checkpoint;
    const at = BigInt(sequence);
    if (at === 0n) return { comparison: { status: 'matches', sequence, createdAt } };
    if (at > end) {
      return {
        comparison: { status: 'beyond_log', sequence, createdAt },
        finding: {
          sequence: end + 1n,
          reason: `the log ends at ${end}, but the signed checkpoint of ${createdAt} vouches for events up to ${sequence}: events were removed from the end`,
        },
      };
    }
    const logged = await this.hashAt(at);
    if (logged === hash) return { comparison: { status: 'matches', sequence, createdAt } };
    return {
      comparison: { status: 'differs', sequence, createdAt },
      finding: {
        sequence: at,
        reason: `event ${sequence} differs from the signed checkpoint of ${createdAt}: the chain was rewritten up to here`,
      },
    };
  }

  /** The stored hash of event `sequence`; undefined when there is none. */
  async hashAt(sequence: bigint): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ hash: string }[]>(
      'SELECT "hash" FROM "audit_events" WHERE "sequence" = $1',
      [sequence.toString()],
    );
    return rows[0]?.hash;
  }

  /** The events in (after, min(after + PAGE_SIZE, end)], in order. */
  private async page(client: RawClient, after: bigint, end: bigint): Promise<RawRow[]> {
    const last = after + PAGE_SIZE < end ? after + PAGE_SIZE : end;
    const result = await client.query({
      // The table's bigint, not the text column of the same name in the select list.
      text: `${SELECT_CHAIN} WHERE "sequence" > $1 AND "sequence" <= $2
             ORDER BY "audit_events"."sequence"`,
      values: [after.toString(), last.toString()],
      rowMode: 'array',
    });
    return result.rows;
  }
}

function missing(expected: bigint, end: bigint): string {
  return expected === end
    ? `event ${expected} is missing`
    : `event ${expected} is missing (the log should run to ${end})`;
}

/**
 * The first problem with `row`, expected at `expected` after an event hashed `prev`. An event
 * whose own hash holds but whose link does not points at its predecessor: that one was
 * replaced (by a forger who recomputed its hash), so that is the first bad sequence.
 */
function check(row: ChainRow, expected: bigint, prev: string): Finding | undefined {
  const sequence = BigInt(row.sequence);
  if (sequence !== expected) return { sequence: expected, reason: `event ${expected} is missing` };
  if (hashEvent(row) !== row.hash) {
    return {
      sequence,
      reason: `event ${sequence} was altered (its content does not match its hash)`,
    };
  }
  if (row.prevHash !== prev) {
    if (sequence === 1n) return { sequence, reason: 'event 1 does not start the chain' };
    return {
      sequence: sequence - 1n,
      reason: `event ${sequence - 1n} was replaced (its hash is not the one event ${sequence} links to)`,
    };
  }
  return undefined;
}
