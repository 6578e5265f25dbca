import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import { Permission, PERMISSION_RULES, type Principal } from '@app/identity';

export const ACCESS_METADATA = 'sbt:access';

/** What a route requires; `programmeParam` names the path parameter that holds the programme id. */
export interface RouteAccess {
  permission: Permission;
  programmeParam?: string;
}

export const JWT_SCHEME = 'accessToken';
export const API_TOKEN_SCHEME = 'apiToken';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Declares the permission a route needs. Every route must carry one: the app refuses to
 * start otherwise (default deny). Also documents it in the OpenAPI document.
 */
export function Access(permission: Permission, options: { programmeParam?: string } = {}) {
  const rule = PERMISSION_RULES[permission];
  const access: RouteAccess = { permission, ...options };
  const decorators = [
    SetMetadata(ACCESS_METADATA, access),
    ApiExtension('x-permission', permission),
  ];
  if (rule.scope !== 'none') {
    decorators.push(
      ApiBearerAuth(JWT_SCHEME),
      ...(rule.scope === 'directory' || rule.scope === 'programme'
        ? [ApiBearerAuth(API_TOKEN_SCHEME)]
        : []),
      ApiResponse({ status: 401, ...problem('No valid bearer token.') }),
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
