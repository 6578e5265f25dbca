import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG, formatEtag } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import {
  CreateIdentityProviderDto,
  IdentityProviderIdParams,
  IdentityProviderResponse,
  IdentityProvidersService,
  ListIdentityProvidersQuery,
  Permission,
  UpdateIdentityProviderDto,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { Idempotent } from '../../http/idempotency';
import { resourceUrl } from '../../http/resource-url';
import { versionDocs } from '../../http/version-docs';
import { listEnvelope } from '../../http/list-envelope';

const VERSION = versionDocs('identity provider');
const NOT_FOUND = 'IDENTITY_PROVIDER_NOT_FOUND: no such identity provider.';
const INVALID =
  'VALIDATION_FAILED: `invalidParams` names every problem (an issuer that is no https URL, ' +
  'scopes without `openid`, a domain that is no domain name, an unknown organisation, a ' +
  'property this resource does not have, …).';
const EXISTS = 'IDENTITY_PROVIDER_EXISTS: the organisation already has an identity provider.';
const LOCK_OUT =
  'SIGN_IN_WOULD_LOCK_YOU_OUT: password sign-in would be switched off for your own ' +
  'organisation while your account is not linked to the provider: sign in through it first.';

/**
 * The organisations' OpenID Connect providers (issue 20), managed by platform administrators.
 * The client secret goes in and never comes out: answers say only `hasClientSecret`.
 */
@ApiTags('identity-providers')
@Controller('identity-providers')
export class IdentityProvidersController {
  constructor(
    private readonly providers: IdentityProvidersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'List identity providers',
    description:
      "The organisations' OpenID Connect providers, sorted by display name unless asked " +
      'otherwise. Platform administrators only.',
  })
  @ApiListResponse(IdentityProviderResponse, 'One page of identity providers.')
  async list(
    @Query() query: ListIdentityProvidersQuery,
    @Req() req: Request,
  ): Promise<ListResponse<IdentityProviderResponse>> {
    return listEnvelope(this.config, req, await this.providers.list(query));
  }

  @Post()
  @Access(Permission.PlatformAdmin)
  @Idempotent()
  @ApiOperation({
    summary: 'Add an identity provider to an organisation',
    description:
      'One per organisation. The client secret is stored encrypted and never answered. ' +
      'Register `<PUBLIC_URL>/v1/auth/oidc/callback` at the provider as the redirect URI ' +
      '(README "Sign in with your organisation").',
  })
  @ApiCreatedResponse({
    type: IdentityProviderResponse,
    description: 'Created.',
    headers: {
      ...VERSION.etag,
      Location: {
        description: 'The new identity provider.',
        schema: { type: 'string', format: 'uri' },
      },
    },
  })
  @ApiResponse({ status: 400, description: INVALID })
  @ApiConflictResponse({ description: `${EXISTS} Or ${LOCK_OUT}` })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateIdentityProviderDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IdentityProviderResponse> {
    const provider = await this.providers.create(principal, body);
    res.location(resourceUrl(this.config, 'identity-providers', provider.id));
    res.setHeader('ETag', formatEtag(provider.version));
    return provider;
  }

  @Get(':id')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Get an identity provider',
    description:
      'Platform administrators only. The client secret is never answered (`hasClientSecret`).',
  })
  @ApiOkResponse({
    type: IdentityProviderResponse,
    description: 'The identity provider.',
    headers: VERSION.etag,
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @Param() params: IdentityProviderIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IdentityProviderResponse> {
    const provider = await this.providers.get(params.id);
    res.setHeader('ETag', formatEtag(provider.version));
    return provider;
  }

  @Patch(':id')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Change an identity provider',
    description:
      'Only the properties sent change; without `clientSecret` the stored secret stays. The ' +
      'organisation cannot change.',
  })
  @ApiHeader(VERSION.ifMatch)
  @ApiOkResponse({ type: IdentityProviderResponse, description: 'Changed.', headers: VERSION.etag })
  @ApiResponse({ status: 400, description: INVALID })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiPreconditionFailedResponse({ description: VERSION.stale })
  @ApiResponse(VERSION.preconditionRequired)
  @ApiConflictResponse({ description: LOCK_OUT })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdentityProviderIdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateIdentityProviderDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IdentityProviderResponse> {
    const provider = await this.providers.update(principal, params.id, ifMatch, body);
    res.setHeader('ETag', formatEtag(provider.version));
    return provider;
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Delete an identity provider',
    description:
      "The organisation's people then sign in with a password again. If-Match is optional; " +
      'when sent, a stale one is refused.',
  })
  @ApiHeader({ ...VERSION.ifMatch, required: false })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiPreconditionFailedResponse({ description: VERSION.stale })
  async remove(
    @Param() params: IdentityProviderIdParams,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.providers.remove(params.id, ifMatch);
  }
}
