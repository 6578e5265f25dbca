import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOmittable } from '@app/core';

/** Where to start signing in: a provider by id, or the one of an e-mail address's domain. */
export class StartOidcSignInQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The identity provider (GET /auth/oidc/providers). Or give `email`.',
  })
  @IsOmittable()
  @IsUUID()
  provider?: string;

  @ApiPropertyOptional({
    description:
      "The person's e-mail address: the provider whose allowed domains hold its domain is " +
      'used, and told the address as `login_hint`. Or give `provider`.',
    maxLength: 254,
    example: 'a.jansen@minbzk.nl',
  })
  @IsOmittable()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    description:
      'The path of the web app to land on afterwards (default `/`). Anything but a path of ' +
      'this site is ignored.',
    maxLength: 500,
    example: '/acties',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  returnTo?: string;
}

export class OidcLogoutQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The identity provider the session was signed in through (`identityProviderId`).',
  })
  @IsOmittable()
  @IsUUID()
  provider?: string;
}

/** Where to land after linking one's account (a path of the web app; default `/account`). */
export class StartOidcLinkDto {
  @ApiPropertyOptional({ maxLength: 500, example: '/account' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  returnTo?: string;
}

/** Where the browser goes to link the account: the provider's sign-in. */
export class StartedOidcLinkResponse {
  @ApiProperty({
    format: 'uri',
    description:
      'Send the browser here (a navigation). The answer also set the cookie that binds the ' +
      'sign-in to this browser.',
    example:
      'https://login.example.nl/realms/bzk/protocol/openid-connect/auth?client_id=sterk-bestuur-tracker&response_type=code&scope=openid%20email%20profile&redirect_uri=https%3A%2F%2Ftracker.example.nl%2Fv1%2Fauth%2Foidc%2Fcallback&state=hT9rW2bQkP4sV7yXc1Lm&nonce=Zm3nQ8cV1dL6pR0tYe5A&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
  })
  authorizationUrl!: string;
}
