import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { redactSecretPath, type InvalidParam } from '@app/core';

/** An RFC 9457 problem as this API answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId?: string;
  invalidParams?: InvalidParam[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

/** The path as the client sent it (inside a router `req.path` is relative to the mount). */
export function requestPath(req: Request): string {
  return redactSecretPath((req.originalUrl ?? req.url ?? '').split('?')[0]);
}

export function buildProblem(
  req: Request,
  status: number,
  code: string,
  detail: string,
  invalidParams?: InvalidParam[],
): Problem {
  const requestId = (req as Request & { id?: unknown }).id;
  return {
    type: `urn:sterk-bestuur:problem:${kebab(code)}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    // The path only: a query string may carry search terms that are not ours to echo.
    instance: requestPath(req),
    code,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(invalidParams ? { invalidParams } : {}),
  };
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
