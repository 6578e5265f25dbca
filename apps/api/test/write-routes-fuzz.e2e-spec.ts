import type { NestExpressApplication } from '@nestjs/platform-express';
import fc, { type Arbitrary } from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request, { type Response, type Test } from 'supertest';
import { LogCapture, startApi, testConfig } from '../../../test/support/e2e';
import { FuzzScene } from '../../../test/support/fuzz-scene';
import { createOwnDatabase } from '../../../test/support/own-database';
import {
  type QueryParameter,
  type Schema,
  SchemaArbitraries,
} from '../../../test/support/schema-arbitraries';

/**
 * Every route that changes something, and every GET with query parameters, answers requests
 * generated from its own OpenAPI schema — valid ones, boundaries, null for each property,
 * wrong types, long and unusual Unicode text, odd query strings, path parameters and If-Match
 * values — with a 2xx or a 4xx problem, never a 5xx, and a 4xx changes nothing
 * (DESIGN §5, issue 16). `npm test` runs FUZZ_RUNS (default 8) random cases per route plus
 * fixed ones (null in each property); `npm run test:fuzz` runs more. FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/**
 * FUZZ_ROUTES=webhooks,PATCH /v1/actions: only the routes whose "METHOD /template" contains
 * one of these (case as written); each keeps its seed, so a failure replays alone.
 */
const ONLY = (process.env.FUZZ_ROUTES ?? '')
  .split(',')
  .map((part) => part.trim())
  .filter((part) => part.length > 0);
/**
 * The run's time limit grows with its cases: the default 8 took 30 s on a quiet machine and
 * over 60 s (Jest's limit for one test) beside other load; it is there to stop a hang.
 */
const RUN_TIMEOUT_MS = Math.max(180_000, RUNS * 20_000);

interface Operation {
  parameters?: (QueryParameter & { required?: boolean })[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  template: string;
  body?: Schema;
  query: QueryParameter[];
  pathNames: string[];
  ifMatch: boolean;
  idempotent: boolean;
}

interface Case {
  body?: unknown;
  query: string;
  /** An odd value for one path parameter, instead of the real resource. */
  path?: { name: string; value: string };
  /** `current`, absent (undefined) or an odd header value. */
  ifMatch?: string;
  idempotencyKey?: string;
}

const ODD_PATH_VALUES = [
  'not-a-uuid',
  'UPPER',
  '00000000-0000-0000-0000-000000000000',
  randomUUID(),
  'x'.repeat(2_000),
  '%F0%9F%98%80',
  '%00',
  '%E0%A4%A',
  '%',
  '..%2F..',
  '%20',
  '1e999',
  '-1',
];

const ODD_IF_MATCH = [
  'absent',
  '',
  '*',
  'W/"1"',
  '"1", "2"',
  '"99999999999999999999999"',
  '"-1"',
  '"1.5"',
  'garbage',
  'stale',
  `"${'9'.repeat(3_000)}"`,
];

const ODD_IDEMPOTENCY_KEYS = ['', ' ', 'a'.repeat(256), 'key with spaces', 'clé', '\t'];

/** Every table's row count and an order-free hash of its rows; audit_events: successes only. */
async function snapshotQuery(owner: Client): Promise<string> {
  const { rows } = await owner.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       -- The chain head moves with every audit event, refused log-ins and denials included.
       AND table_name NOT IN ('migrations', 'audit_chain_head')
     ORDER BY table_name`,
  );
  return rows
    .map(({ name }) => {
      // A refused request may leave its trace in the audit log, and only that: a denial, a
      // refused log-in or password change.
      const where =
        name === 'audit_events'
          ? `WHERE x.result = 'success' AND x.operation NOT IN ('permission_denied', 'login_failed')`
          : '';
      return `SELECT '${name}' AS name, count(*)::int AS rows,
                coalesce(sum(hashtextextended(x::text, 0)), 0)::text AS hash
              FROM "${name}" x ${where}`;
    })
    .join('\nUNION ALL\n');
}

describe('every write route takes odd input without a 5xx or a partial write', () => {
  let app: NestExpressApplication;
  let database: { ownerUrl: string; url: string; drop: () => Promise<void> };
  let owner: Client;
  let snapshotSql: string;
  let scene: FuzzScene;
  let routes: Route[];
  let generate: SchemaArbitraries;
  const logs = new LogCapture();

  beforeAll(async () => {
    // A database and Redis prefix of its own: checksums stay small, and refused log-ins do not
    // lock other files out.
    database = await createOwnDatabase('fuzz');
    app = await startApi({
      config: testConfig({
        DATABASE_URL: database.url,
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-fuzz`,
        LOG_LEVEL: 'error',
      }),
      logs,
    });
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    snapshotSql = await snapshotQuery(owner);
    scene = await FuzzScene.build(app);
    const document = (await request(app.getHttpServer()).get('/v1/openapi.json').expect(200))
      .body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    generate = new SchemaArbitraries(document.components.schemas, scene.hints, scene.couplings);
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]): Route[] => {
        const parameters = operation.parameters ?? [];
        const query = parameters.filter((p) => p.in === 'query');
        const route: Route = {
          method: method as Route['method'],
          template: `/v1${path}`,
          body: operation.requestBody?.content['application/json']?.schema,
          query,
          pathNames: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          ifMatch: parameters.some((p) => p.in === 'header' && p.name === 'If-Match'),
          idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        };
        const writes = ['post', 'put', 'patch', 'delete'].includes(method);
        return writes || (method === 'get' && query.length > 0) ? [route] : [];
      }),
    );
    process.stdout.write(
      `write-route fuzz: ${routes.length} routes, ${RUNS} random cases each, FUZZ_SEED=${SEED}` +
        `${ONLY.length > 0 ? `, FUZZ_ROUTES=${ONLY.join(',')}` : ''}\n`,
    );
  });

  afterAll(async () => {
    await owner?.end();
    await app?.close();
    await database?.drop();
  });

  async function snapshot(): Promise<Map<string, string>> {
    const { rows } = await owner.query<{ name: string; rows: number; hash: string }>(snapshotSql);
    return new Map(rows.map((row) => [row.name, `${row.rows}:${row.hash}`]));
  }

  function changed(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
  }

  function caseOf(route: Route): Arbitrary<Case> {
    const odd = <T>(values: readonly T[], freq: number) =>
      fc.option(fc.constantFrom(...values), { freq, nil: undefined });
    return fc.record({
      body: route.body ? generate.body(route.body) : fc.constant(undefined),
      query: route.query.length > 0 ? generate.query(route.query) : fc.constant(''),
      path:
        route.pathNames.length > 0
          ? fc.option(
              fc.record({
                name: fc.constantFrom(...route.pathNames),
                value: fc.constantFrom(...ODD_PATH_VALUES),
              }),
              { freq: 6, nil: undefined },
            )
          : fc.constant(undefined),
      ifMatch: route.ifMatch
        ? odd(ODD_IF_MATCH, 4).map((value) => value ?? 'current')
        : fc.constant(undefined),
      idempotencyKey: route.idempotent
        ? fc.oneof(
            { weight: 6, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: fc.constantFrom(...ODD_IDEMPOTENCY_KEYS) },
          )
        : fc.constant(undefined),
    });
  }

  /** Fixed cases: the whole valid body, and it with null in each property in turn. */
  function examples(route: Route, seed: number): Case[] {
    if (!route.body) return [];
    const [valid] = fc.sample(generate.complete(route.body), { seed, numRuns: 1 });
    return [valid, ...generate.nullVariants(valid)].map((body) => ({ body, query: '' }));
  }

  /**
   * The request for a case, with what it needs made first (fresh resources, a session, the
   * current ETag), so that the checksums taken around it see the request's doing alone.
   */
  async function prepare(route: Route, given: Case): Promise<{ call: Test; url: string }> {
    const parameters = await scene.pathParameters(route.method, route.template);
    const token = await scene.token();
    let ifMatch = given.ifMatch;
    if (ifMatch === 'current' || ifMatch === 'stale') {
      const current = await request(app.getHttpServer())
        .get(scene.etagPath(route.template, parameters))
        .set('Authorization', `Bearer ${token}`);
      const etag = current.get('ETag') ?? '"0"';
      ifMatch = ifMatch === 'current' ? etag : `"${Number(etag.replace(/"/g, '')) + 1}"`;
    }
    const path = route.template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
      if (given.path?.name !== name) return parameters[name];
      return given.path.value === 'UPPER' ? parameters[name].toUpperCase() : given.path.value;
    });
    const url = given.query ? `${path}?${given.query}` : path;
    let call = request(app.getHttpServer())
      [route.method](url)
      .set('Authorization', `Bearer ${token}`);
    if (ifMatch !== undefined && ifMatch !== 'absent') call = call.set('If-Match', ifMatch);
    if (given.idempotencyKey !== undefined) {
      call = call.set('Idempotency-Key', given.idempotencyKey);
    }
    if (given.body !== undefined) {
      call = call.set('Content-Type', 'application/json').send(JSON.stringify(given.body));
    }
    return { call, url };
  }

  /** What is wrong with the answer, if anything. */
  function problemWith(res: Response): string | undefined {
    if (res.status >= 200 && res.status < 300) return undefined;
    // The routes a browser navigates to (signing in through a provider) answer with where to go.
    if (res.status === 303 && URL.canParse(res.get('Location') ?? '')) return undefined;
    if (res.status < 400 || res.status >= 500) return `answered ${res.status}`;
    if (!/^application\/problem\+json/.test(res.get('Content-Type') ?? '')) {
      return `a ${res.status} that is not application/problem+json`;
    }
    const body = res.body as Record<string, unknown>;
    for (const field of ['type', 'title', 'detail', 'instance', 'code']) {
      if (typeof body[field] !== 'string') return `a ${res.status} problem without ${field}`;
    }
    if (body.status !== res.status)
      return `a ${res.status} problem with status ${String(body.status)}`;
    if (body.code === 'VALIDATION_FAILED') {
      const params = body.invalidParams as { name?: unknown; reason?: unknown }[] | undefined;
      if (
        !Array.isArray(params) ||
        params.length === 0 ||
        // An empty name is the name of an empty query key (`?=x`).
        params.some((p) => typeof p.name !== 'string' || typeof p.reason !== 'string' || !p.reason)
      ) {
        return 'a 400 VALIDATION_FAILED without invalidParams naming the fields';
      }
    }
    return undefined;
  }

  /** The error the app logged for a request, to say why it answered 500. */
  function loggedError(res: Response): string {
    const id = res.get('X-Request-ID');
    const line = logs.lines().find((entry) => entry.requestId === id && entry.error);
    const error = line?.error as { type?: string; message?: string; stack?: string } | undefined;
    if (!error) return '(no log line)';
    const frame = error.stack
      ?.split('\n')
      .find((text) => text.includes('/libs/') || text.includes('/apps/'));
    return `${error.type}: ${error.message}${frame ? ` ${frame.trim()}` : ''}`;
  }

  const excerpt = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
  };

  it('finds the routes to try in the served OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it(
    'answers every generated request with a 2xx or a 4xx problem, and a 4xx changes nothing',
    async () => {
      const failures = new Map<string, string>();
      const statuses = new Map<string, number[]>();
      let cases = 0;
      let tried = 0;
      const started = Date.now();
      for (const [index, route] of routes.entries()) {
        const seed = SEED + index;
        const label = `${route.method.toUpperCase()} ${route.template}`;
        if (ONLY.length > 0 && !ONLY.some((part) => label.includes(part))) continue;
        tried += 1;
        const fixed = examples(route, seed).map((example): [Case] => [example]);
        await fc.assert(
          fc.asyncProperty(caseOf(route), async (given) => {
            cases += 1;
            const { call, url } = await prepare(route, given);
            const before = await snapshot();
            let res: Response;
            try {
              res = await call;
            } catch (error) {
              failures.set(
                `${label}: ${String(error)}`,
                `${label}: the request failed: ${String(error)}\n    ${excerpt(given)}\n    replay: FUZZ_SEED=${SEED}`,
              );
              return;
            }
            statuses.set(label, [...(statuses.get(label) ?? []), res.status]);
            let problem = problemWith(res);
            if (!problem && res.status >= 400) {
              const tables = changed(before, await snapshot());
              if (tables.length > 0) problem = `a ${res.status} that changed ${tables.join(', ')}`;
            }
            if (!problem) return;
            const key = `${label}: ${problem}${res.status >= 500 ? ` (${loggedError(res)})` : ''}`;
            if (!failures.has(key)) {
              failures.set(
                key,
                `${key}\n    ${route.method.toUpperCase()} ${url.slice(0, 300)}` +
                  `\n    If-Match: ${given.ifMatch ?? '-'}; body: ${excerpt(given.body)}` +
                  `\n    answer: ${excerpt(res.body)}\n    replay: FUZZ_SEED=${SEED}`,
              );
            }
          }),
          // The examples run first and count among numRuns.
          { numRuns: fixed.length + RUNS, seed, examples: fixed },
        );
      }
      process.stdout.write(
        `write-route fuzz: ${cases} requests on ${tried} routes in ${Date.now() - started} ms\n`,
      );
      if (process.env.FUZZ_VERBOSE === 'true') {
        for (const [label, seen] of statuses) {
          const counts = new Map<number, number>();
          for (const status of seen) counts.set(status, (counts.get(status) ?? 0) + 1);
          const text = [...counts].sort(([a], [b]) => a - b).map(([st, n]) => `${st}×${n}`);
          process.stdout.write(`  ${label}: ${text.join(' ')}\n`);
        }
      }
      expect([...failures.values()]).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
