/**
 * The bare comparator of the API benchmark: node:http and a `pg` Pool with named (prepared)
 * statements, no framework, no authentication, no validation beyond parsing. It does the SQL
 * work of the product's three measured routes, so that the product's figures can be read as
 * ratios to it:
 *
 * - `GET /v1/actions`: the product's keyset list query (same columns, WHERE, ORDER BY and
 *   LIMIT, and the same cursor format), with the owner, partners, positions and roll-up of
 *   sub-actions the product's response carries as subqueries of the same statement;
 * - `GET /v1/actions/{id}`: the same for one action;
 * - `POST /v1/actions/{id}/progress-updates`: one transaction: UPDATE … WHERE id AND version
 *   (the If-Match check), INSERT the progress update, lock the audit chain head, INSERT one
 *   audit event (a sha256 over the previous hash and the event; not the product's canonical
 *   form) and move the head.
 *
 * Started by bench/api.ts as `taskset -c 0 node dist/bench/bare-server.js`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import {
  type ActionRow,
  amsterdam,
  AUDIT_COLUMNS,
  GET_STATEMENT,
  listStatement,
  SORT_KEYS,
  view,
} from './bare-sql';
import { instrumentPg, serveProbe } from './server-probe';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const PORT = Number(env('PORT'));
const PUBLIC_URL = env('PUBLIC_URL');
const AUTHOR = {
  userId: env('BENCH_AUTHOR_USER_ID'),
  organisationId: env('BENCH_AUTHOR_ORGANISATION_ID'),
};

instrumentPg();
// Dates stay ISO strings, as TypeORM gives them to the product.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const pool = new pg.Pool({
  connectionString: env('DATABASE_URL'),
  max: Number(env('DATABASE_POOL_SIZE')),
});

const cursorOf = (direction: 'n' | 'p', sort: string, values: string[]) =>
  Buffer.from(JSON.stringify([direction, sort, values]), 'utf8').toString('base64url');

function send(res: ServerResponse, status: number, body: unknown, etag?: number): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
    'Content-Length': Buffer.byteLength(json),
    ...(etag === undefined ? {} : { ETag: `"${etag}"` }),
  });
  res.end(json);
}

async function list(url: URL, res: ServerResponse): Promise<void> {
  const query = url.searchParams;
  const sort = query.get('sort') ?? 'deadline';
  const desc = sort.startsWith('-');
  const sortKey = sort.replace(/^-/, '');
  if (!(sortKey in SORT_KEYS)) return send(res, 400, { code: 'INVALID_SORT' });
  const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  const statuses = query.getAll('status').flatMap((value) => value.split(','));
  const rawCursor = query.get('cursor');
  const cursor = rawCursor
    ? (JSON.parse(Buffer.from(rawCursor, 'base64url').toString('utf8')) as [
        string,
        string,
        string[],
      ])
    : undefined;
  const statement = listStatement(
    sortKey,
    desc,
    statuses.length > 0,
    cursor !== undefined,
    // As the product sends it for one programme; `form=any` for the array form it used to send.
    query.get('form') !== 'any',
  );
  const values: unknown[] = [[query.get('programme')]];
  if (statuses.length > 0) values.push(statuses);
  if (cursor) values.push(...cursor[2]);
  values.push(limit + 1);
  const { rows } = await pool.query<ActionRow>({ ...statement, values });
  const today = amsterdam.format(new Date());
  const page = rows.slice(0, limit);
  const link = (value: string | undefined) => {
    const target = new URL(`${PUBLIC_URL}${url.pathname}${url.search}`);
    if (value) target.searchParams.set('cursor', value);
    return { href: target.toString() };
  };
  const last = page[page.length - 1];
  const first = page[0];
  send(res, 200, {
    data: page.map((row) => view(row, today, PUBLIC_URL)),
    _links: {
      self: link(undefined),
      ...(rows.length > limit && last && { next: link(cursorOf('n', sort, [last.k0!, last.k1!])) }),
      ...(cursor && first && { prev: link(cursorOf('p', sort, [first.k0!, first.k1!])) }),
    },
  });
}

async function getOne(id: string, res: ServerResponse): Promise<void> {
  const { rows } = await pool.query<{ view: ActionRow }>({ ...GET_STATEMENT, values: [id] });
  if (rows.length === 0) return send(res, 404, { code: 'ACTION_NOT_FOUND' });
  const row = rows[0].view;
  send(res, 200, view(row, amsterdam.format(new Date()), PUBLIC_URL), row.version);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function postProgress(id: string, req: IncomingMessage, res: ServerResponse) {
  const body = JSON.parse(await readBody(req)) as {
    health?: string;
    percentComplete?: number;
    narrative: string;
    reason?: string;
  };
  const version = Number(/^"(\d+)"$/.exec(req.headers['if-match'] ?? '')?.[1]);
  if (!Number.isInteger(version)) return send(res, 428, { code: 'PRECONDITION_REQUIRED' });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const updated = await client.query<{
      programme_id: string;
      version: number;
      health: string;
      percent_complete: number;
      old_health: string;
      old_percent: number;
      old_narrative: string | null;
    }>({
      name: 'progress:update',
      text: `WITH old AS (
               SELECT id, health, percent_complete, latest_narrative FROM actions
               WHERE id = $1 AND version = $2 FOR UPDATE)
             UPDATE actions a SET health = coalesce($3::text, a.health),
               percent_complete = coalesce($4::smallint, a.percent_complete),
               latest_narrative = $5, version = a.version + 1, updated_at = now()
             FROM old WHERE a.id = old.id
             RETURNING a.programme_id, a.version, a.health, a.percent_complete,
               old.health AS old_health, old.percent_complete AS old_percent,
               old.latest_narrative AS old_narrative`,
      values: [id, version, body.health ?? null, body.percentComplete ?? null, body.narrative],
    });
    if (updated.rowCount !== 1) {
      await client.query('ROLLBACK');
      return send(res, 412, { code: 'VERSION_CONFLICT' });
    }
    const action = updated.rows[0];
    const inserted = await client.query<{ id: string; created_at: Date }>({
      name: 'progress:insert',
      text: `INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
               status, health, percent_complete, narrative, reason)
             VALUES ($1, 'progress', $2, $3, NULL, $4, $5, $6, $7) RETURNING id, created_at`,
      values: [
        id,
        AUTHOR.userId,
        AUTHOR.organisationId,
        action.health === action.old_health ? null : action.health,
        action.percent_complete === action.old_percent ? null : action.percent_complete,
        body.narrative,
        body.reason ?? null,
      ],
    });
    const update = inserted.rows[0];
    const head = await client.query<{ sequence: string; hash: string }>({
      name: 'audit:head',
      text: 'SELECT sequence, hash FROM audit_chain_head WHERE id FOR UPDATE',
    });
    const sequence = (BigInt(head.rows[0].sequence) + 1n).toString();
    const prevHash = head.rows[0].hash;
    const changes = {
      health: { old: action.old_health, new: action.health },
      percentComplete: { old: action.old_percent, new: action.percent_complete },
      latestNarrative: { old: action.old_narrative, new: body.narrative },
    };
    const details = { progressUpdateId: update.id };
    const event = [
      sequence,
      new Date().toISOString(),
      'user',
      AUTHOR.userId,
      AUTHOR.organisationId,
      req.socket.remoteAddress ?? null,
      req.headers['user-agent'] ?? null,
      null,
      null,
      'update',
      'success',
      'action',
      id,
      action.programme_id,
      JSON.stringify(changes),
      JSON.stringify(details),
      prevHash,
    ];
    const hash = createHash('sha256').update(JSON.stringify(event)).digest('hex');
    await client.query({
      name: 'audit:append',
      text: `WITH appended AS (
               INSERT INTO audit_events (${AUDIT_COLUMNS})
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb,
                       $16::jsonb, $17, $18))
             UPDATE audit_chain_head SET sequence = $1, hash = $18 WHERE id`,
      values: [...event, hash],
    });
    await client.query('COMMIT');
    send(
      res,
      201,
      {
        id: update.id,
        actionId: id,
        kind: 'progress',
        authorUserId: AUTHOR.userId,
        authorOrganisationId: AUTHOR.organisationId,
        status: null,
        health: action.health === action.old_health ? null : action.health,
        percentComplete: action.percent_complete,
        narrative: body.narrative,
        reason: body.reason ?? null,
        createdAt: update.created_at.toISOString(),
      },
      action.version,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const ACTION = /^\/v1\/actions\/([0-9a-f-]{36})(\/progress-updates)?$/;

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', PUBLIC_URL);
  if (req.method === 'GET' && url.pathname === '/v1/actions') return list(url, res);
  const match = ACTION.exec(url.pathname);
  if (match && req.method === 'GET' && !match[2]) return getOne(match[1], res);
  if (match && req.method === 'POST' && match[2]) return postProgress(match[1], req, res);
  send(res, 404, { code: 'NOT_FOUND' });
}

const server = createServer((req, res) => {
  route(req, res).catch((error: unknown) => {
    process.stderr.write(`bare server: ${String(error)}\n`);
    if (!res.headersSent) send(res, 500, { code: 'INTERNAL' });
  });
});

server.listen(PORT, '127.0.0.1', () => serveProbe(PORT));

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
