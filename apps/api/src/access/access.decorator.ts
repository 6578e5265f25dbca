import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import { Permission, PERMISSION_RULES, type Principal } from '@app/identity';
import type { RouteRateLimit } from '../rate-limit/rate-limit-policy';

export const ACCESS_METADATA = 'sbt:access';

/** What a route requires; `programmeParam` names the path parameter that holds the programme id. */
export interface RouteAccess {
  permission: Permission;
  programmeParam?: string;
  /**
   * Also takes an API token as the password of HTTP Basic (calendar apps cannot send a bearer
   * token): for read-only feeds only, since browsers resend cached Basic credentials by
   * themselves (see basic-api-token.ts).
   */
  basicApiToken?: boolean;
  /**
   * The rate-limit budget beyond what the method implies (README "Rate limits"): `expensive`
   * for routes that read or render a whole report, export or chain; `exempt` for probes.
   */
  rateLimit?: RouteRateLimit;
}

export const JWT_SCHEME = 'accessToken';
export const API_TOKEN_SCHEME = 'apiToken';
export const API_TOKEN_BASIC_SCHEME = 'apiTokenBasic';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Declares the permission a route needs. Every route must carry one: the app refuses to
 * start otherwise (default deny). Also documents it in the OpenAPI document.
 */
export function Access(
  permission: Permission,
  options: { programmeParam?: string; basicApiToken?: boolean; rateLimit?: RouteRateLimit } = {},
) {
  const rule = PERMISSION_RULES[permission];
  if (options.basicApiToken && (rule.access !== 'read' || rule.scope === 'none')) {
    throw new Error(`Basic credentials are for read-only routes, not \`${permission}\``);
  }
  const access: RouteAccess = { permission, ...options };
  const decorators = [
    SetMetadata(ACCESS_METADATA, access),
    ApiExtension('x-permission', permission),
    ...(options.rateLimit ? [ApiExtension('x-rate-limit', options.rateLimit)] : []),
  ];
  if (rule.scope !== 'none') {
    decorators.push(
      ApiBearerAuth(JWT_SCHEME),
      ...(rule.scope === 'directory' || rule.scope === 'programme'
        ? [ApiBearerAuth(API_TOKEN_SCHEME)]
        : []),
      ...(options.basicApiToken ? [ApiBasicAuth(API_TOKEN_BASIC_SCHEME)] : []),
      ApiResponse({
        status: 401,
        ...problem(
          options.basicApiToken
            ? 'No valid bearer token, nor an API token as the Basic password.'
            : 'No valid bearer token.',
        ),
      }),
      ApiResponse({ status: 403, ...problem(`Requires permission \`${permission}\`.`) }),
    );
  }
  if (rule.scope === 'programme') {
    decorators.push(
      ApiResponse({ status: 404, ...problem('Not found, or not in a programme of yours.') }),
    );
  }
  return applyDecorators(...decorators);
}

/** The authenticated caller (undefined on public routes). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ user?: Principal }>().user,
);
