import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { startApi, testConfig } from '../../../test/support/e2e';

const INDEX =
  '<!doctype html><html lang="nl"><head><title>Sterk Bestuur Tracker</title>' +
  '<script type="module" crossorigin src="/assets/app-abc123.js"></script>' +
  '<link rel="stylesheet" href="/assets/app-abc123.css"></head>' +
  '<body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("Sterk Bestuur Tracker");';
const SECRET = 'not-for-the-web-3f9c';
const APP_CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;" +
  "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';" +
  "form-action 'self';frame-ancestors 'none'";
const ACTION_ID = '6f1c1d7e-2b3a-4c5d-8e9f-0a1b2c3d4e5f';

/** A build as `vite build` leaves it, with a file beside it that must never be served. */
function fakeBuild(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'sbt-web-app-'));
  const dir = join(root, 'web');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'app-abc123.css'), 'body { margin: 0 }');
  writeFileSync(join(dir, 'assets', '.env'), SECRET);
  writeFileSync(join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  return { root, dir };
}

function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(res.body).toMatchObject({ status, code });
  expect(res.headers['cache-control']).toBe('no-store');
}

function expectAppPage(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['content-security-policy']).toBe(APP_CSP);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  expect(res.headers['referrer-policy']).toBe('same-origin');
  // Not stored, so nothing to revalidate: a new build is seen on the next load.
  expect(res.headers.etag).toBeUndefined();
  expect(res.headers['last-modified']).toBeUndefined();
}

describe('the web app, served by the API at /', () => {
  let app: NestExpressApplication;
  let build: { root: string; dir: string };

  beforeAll(async () => {
    build = fakeBuild();
    app = await startApi({ config: testConfig({ WEB_APP_DIR: build.dir }) });
  });

  afterAll(async () => {
    await app.close();
    rmSync(build.root, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it("opens the app's page at / and at every deep link a person is sent, never stored", async () => {
    for (const path of [
      '/',
      `/acties/${ACTION_ID}`,
      `/acties/${ACTION_ID}/voortgang`,
      '/meldingen',
      '/meldingen/voorkeuren',
      '/meldingen/',
      '/index.html',
    ]) {
      const res = await http().get(path);
      expectAppPage(res);
      expect({ path, body: res.text }).toEqual({ path, body: INDEX });
    }
  });

  it('answers HEAD on a page with the headers and no body', async () => {
    const res = await http().head('/meldingen');
    expectAppPage(res);
    expect(res.text ?? '').toBe('');
  });

  it('serves a hashed asset for a year, as immutable, with its content type', async () => {
    const script = await http().get('/assets/app-abc123.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.text).toBe(SCRIPT);
    const style = await http().get('/assets/app-abc123.css').expect(200);
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with a 404 problem, never the page', async () => {
    for (const path of [
      '/assets/app-old999.js',
      '/assets/nested/app.js',
      '/assets/',
      '/assets',
      '/assets/app-abc123.js/',
    ]) {
      const res = await http().get(path);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('<html');
    }
  });

  it('serves the files of fixed name beside the page, to be revalidated', async () => {
    const favicon = await http().get('/favicon.ico').expect(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
    expect(favicon.headers['content-type']).toMatch(/icon/);
    const robots = await http().get('/robots.txt').expect(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.text).toContain('Disallow: /');
    const modified = robots.headers['last-modified'];
    expect(modified).toEqual(expect.any(String));
    await http().get('/robots.txt').set('If-Modified-Since', modified).expect(304);
  });

  it('answers a file that is not there with a 404 problem rather than the page', async () => {
    for (const path of ['/apple-touch-icon.png', '/acties/1/bijlage.pdf', '/.env']) {
      expectProblem(await http().get(path), 404, 'NOT_FOUND');
    }
  });

  it('answers other methods than GET and HEAD outside /v1 with a 404 problem', async () => {
    for (const [method, path] of [
      ['post', '/'],
      ['post', `/acties/${ACTION_ID}`],
      ['delete', '/meldingen'],
      ['put', '/assets/app-abc123.js'],
      ['patch', '/index.html'],
    ] as const) {
      const res = await http()[method](path);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toBe(`There is no resource at ${method.toUpperCase()} ${path}.`);
    }
  });

  it('leaves the API as it was: its own headers, 404 problems, and a trailing slash is a 404', async () => {
    const root = await http().get('/v1').expect(200);
    expect(root.headers['content-type']).toMatch(/^application\/json/);
    expect(root.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(root.headers['cache-control']).toBe('no-store');
    expect(root.headers['referrer-policy']).toBe('no-referrer');
    for (const path of ['/v1/does-not-exist', '/v1/', '/v1/actions/', '/v2/actions', '/v1.0']) {
      const res = await http().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const path of ['/health', '/health/nope', '/health/live/']) {
      expectProblem(await http().get(path), 404, 'NOT_FOUND');
    }
    await http().get('/health/live').expect(200);
    const docs = await http().get('/v1/docs').expect(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it("never serves a file from outside the app's directory, however the path is written", async () => {
    for (const path of [
      '/assets/../../package.json',
      '/assets/../secret.txt',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/..%5csecret.txt',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/assets/%252e%252e%252fsecret.txt',
      '/assets/.env',
      '/assets/%2eenv',
      '/assets/app-abc123.js%00.png',
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e/%2e%2e/package.json',
      '/acties/..%2f..%2f..%2fpackage.json',
    ]) {
      const res = await http().get(path);
      // The server saw the path as written (no client-side normalisation), and refused it.
      expect({ path, status: res.status, instance: res.body.instance }).toEqual({
        path,
        status: 404,
        instance: path,
      });
      expect(res.text).not.toContain(SECRET);
      expect(res.text).not.toContain('sterk-bestuur-tracker');
    }
  });
});

describe('the web app before it is built', () => {
  let app: NestExpressApplication;
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sbt-web-app-'));
    dir = join(root, 'web');
    app = await startApi({
      config: testConfig({ WEB_APP_DIR: dir, PUBLIC_URL: 'https://tracker.example.nl' }),
    });
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it('answers its pages with a 503 problem that says how to build it, and nothing internal', async () => {
    for (const path of ['/', `/acties/${ACTION_ID}`, '/meldingen']) {
      const res = await http().get(path);
      expectProblem(res, 503, 'WEB_APP_NOT_BUILT');
      expect(res.body.detail).toBe('The web app has not been built: run npm run build.');
      expect(res.text).not.toContain(root);
    }
    expectProblem(await http().get('/assets/app-abc123.js'), 404, 'NOT_FOUND');
    await http().get('/v1').expect(200);
  });

  it('serves a build made while the API runs, upgrading requests on an https address', async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), INDEX);
    const res = await http().get('/acties/1');
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-security-policy']).toBe(`${APP_CSP};upgrade-insecure-requests`);
  });
});
