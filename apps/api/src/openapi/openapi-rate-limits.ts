import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

export const RATE_LIMIT_HEADER = 'RateLimit';
export const RATE_LIMIT_POLICY_HEADER = 'RateLimit-Policy';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const DRAFT = 'draft-ietf-httpapi-ratelimit-headers-11';

const WHAT = {
  read: 'read requests (GET)',
  write: 'changing requests',
  expensive:
    'requests to expensive routes (reports, exports, audit verification, open data, calendars, signing in through an identity provider)',
} as const;

const rateLimited = (budget: keyof typeof WHAT) =>
  `RATE_LIMITED: more ${WHAT[budget]} than the budget of your user or API token, or of your ` +
  'client address, allows in its window (`RateLimit-Policy` names the budgets, `RateLimit` ' +
  'what is left of them). Nothing was done. Try again after `Retry-After` seconds.';

/**
 * Declares the rate limits on every operation that has them (all but those whose `@Access`
 * says `rateLimit: 'exempt'`): a 429 with `Retry-After`, and the RateLimit fields on it and on
 * every success. Run before `ensureApiConventions`, which makes the 429 a problem+json with
 * `API-Version` and `Retry-After` like every error.
 */
export function declareRateLimits(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {}) as Json;
  components.headers = {
    ...(components.headers ?? {}),
    [RATE_LIMIT_POLICY_HEADER]: {
      description:
        `The budgets this request counts against (${DRAFT}): per \`principal\` (your user or ` +
        'API token) and per client `address`, each for `read`, `write` or `expensive` ' +
        'requests, with quota `q` per window of `w` seconds.',
      schema: {
        type: 'string',
        example: '"address-read";q=6000;w=60, "principal-read";q=600;w=60',
      },
    },
    [RATE_LIMIT_HEADER]: {
      description:
        `What is left of each budget (${DRAFT}): \`r\` requests remaining, \`t\` seconds ` +
        'until its window ends.',
      schema: {
        type: 'string',
        example: '"address-read";r=5990;t=42, "principal-read";r=590;t=42',
      },
    },
  };
  const headerRefs = {
    [RATE_LIMIT_POLICY_HEADER]: { $ref: `#/components/headers/${RATE_LIMIT_POLICY_HEADER}` },
    [RATE_LIMIT_HEADER]: { $ref: `#/components/headers/${RATE_LIMIT_HEADER}` },
  };
  for (const pathItem of Object.values(document.paths) as Json[]) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Json | undefined;
      const declared = operation?.['x-rate-limit'];
      if (!operation || declared === 'exempt') continue;
      const budget =
        declared === 'expensive'
          ? declared
          : method === 'get' || method === 'head'
            ? 'read'
            : 'write';
      const responses = (operation.responses ??= {}) as Record<string, Json>;
      const own = responses['429']?.description;
      responses['429'] = {
        ...(responses['429'] ?? {}),
        description:
          typeof own === 'string' && own.length > 0
            ? `${own} Or ${rateLimited(budget)}`
            : rateLimited(budget),
      };
      for (const [status, response] of Object.entries(responses)) {
        if (/^[23]/.test(status) || status === '429') {
          response.headers = { ...(response.headers ?? {}), ...headerRefs };
        }
      }
    }
  }
  return document;
}
