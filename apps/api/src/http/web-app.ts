import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, loggableError } from '@app/core';
import { buildProblem, sendProblem } from './problem';
import { STATUS_OF_KIND } from './problem-details.filter';

/**
 * The web app (apps/web, DESIGN §3) as `vite build` writes it: `index.html`, content-hashed
 * files under `assets/`, and a few files of fixed name (favicon, robots.txt) beside them.
 */
export const ASSETS_PATH = '/assets/';

/** A year, the longest `max-age` caches honour: a hashed file's name changes with its content. */
const HASHED = 'public, max-age=31536000, immutable';
/** A file of fixed name may change with any build: caches check it first. */
const REVALIDATE = 'no-cache';
/**
 * The page names the current build's assets; a stale one would ask for deleted files. It is
 * also the shell of every signed-in page, so it stays out of shared caches too.
 */
const PAGE = 'no-store';

/** One plain file name at the root of the app: no separators, no leading dot, no escapes. */
const ROOT_FILE = /^\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;

const NOT_BUILT = new DomainError(
  'unavailable',
  'WEB_APP_NOT_BUILT',
  'The web app has not been built: run npm run build.',
);

const logger = new Logger('WebApp');

/**
 * Which paths belong to the API and never to the app: the API's versions (`/v1`, and any
 * `/v2` to come) and the namespaces of the unversioned routes (`/health`), so that a mistyped
 * probe or API path is a 404, not a 200 with the app's page.
 */
export function apiPathMatcher(unversionedRoutes: readonly string[]): (path: string) => boolean {
  const namespaces = new Set(unversionedRoutes.map((route) => route.split('/')[1]));
  return (path) => {
    const first = path.split('/')[1] ?? '';
    return /^v\d+$/.test(first) || namespaces.has(first);
  };
}

const sendError = (req: Request, res: Response, error: DomainError) =>
  sendProblem(res, buildProblem(req, STATUS_OF_KIND[error.kind], error.code, error.message));

const decoded = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
};

/**
 * The file an `/assets/…` path names, relative to `assets/`, or undefined when it could
 * name anything outside it (`..`, a backslash, an encoded separator's result, a dotfile).
 * `send` refuses `..` itself; this keeps the refusal a plain 404 and independent of it.
 */
function assetOf(path: string): string | undefined {
  const file = decoded(path.slice(ASSETS_PATH.length));
  if (file === undefined || file.includes('\\') || file.includes('\0')) return undefined;
  const segments = file.split('/');
  return segments.every((segment) => segment.length > 0 && !segment.startsWith('.'))
    ? file
    : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built web app from `dir` to GET and HEAD requests outside the API; `next()`
 * when a request is not the app's (an API path, another method), for the 404 after it.
 *
 * - `/assets/…`: the hashed files, cached for a year as immutable; a missing one is a 404
 *   problem, never the page: a script or stylesheet cannot use HTML, and a 200 would hide
 *   the real failure (a stale page asking for the files of a build that is gone).
 * - `/<name>` of a file that exists at the root (favicon.ico, robots.txt): revalidated.
 * - any other path: `index.html`, not stored, for the app's router to show the page
 *   (`/`, `/acties/<id>`, `/meldingen`). A path whose last segment has a dot asks for a file,
 *   not a page: without one it is a 404. Without an index.html (not built): 503.
 *
 * The directory is read on every request, so a build made while the API runs is served.
 */
export function serveWebApp(dir: string, isApiPath: (path: string) => boolean): RequestHandler {
  const send = (
    res: Response,
    root: string,
    file: string,
    cacheControl: string,
    onMissing: () => void,
  ) =>
    res.sendFile(
      file,
      {
        root,
        dotfiles: 'deny',
        cacheControl: false,
        // Set only when the file is sent: a problem answered instead keeps `no-store`.
        headers: { 'Cache-Control': cacheControl },
        // What the browser must not store needs no validator; the rest revalidates by date
        // (sendFile follows the app's `etag` setting, off: ETags here are versions).
        lastModified: cacheControl !== PAGE,
      },
      (error?: Error & { code?: string; status?: number }) => {
        // Sent, or the client went away: nothing left to answer.
        if (!error || res.headersSent || error.code === 'ECONNABORTED') return;
        // Anything but a missing file (404) or a refused name (403) is worth a look.
        if ((error.status ?? 500) >= 500) {
          logger.error({ error: loggableError(error) }, 'a file of the web app could not be read');
        }
        onMissing();
      },
    );

  const page = (req: Request, res: Response) =>
    send(res, dir, 'index.html', PAGE, () => sendError(req, res, NOT_BUILT));

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) {
      next();
      return;
    }
    const path = req.path;
    if (path.startsWith(ASSETS_PATH) || path === ASSETS_PATH.slice(0, -1)) {
      const file = path.startsWith(ASSETS_PATH) ? assetOf(path) : undefined;
      if (file === undefined) next();
      else send(res, join(dir, 'assets'), file, HASHED, next);
      return;
    }
    if (path === '/index.html') {
      page(req, res);
      return;
    }
    const rootFile = ROOT_FILE.exec(path)?.[1];
    void (async () => {
      if (rootFile !== undefined && (await isFile(join(dir, rootFile)))) {
        send(res, dir, rootFile, REVALIDATE, next);
        return;
      }
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      if (decoded(path) === undefined || lastSegment.includes('.')) {
        next();
        return;
      }
      page(req, res);
    })().catch(() => next());
  };
}
