import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IdentityProviderFields as Field } from './identity-provider-fields';

/** A new identity provider for an organisation that has none. */
export class CreateIdentityProviderDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The organisation whose people sign in with it.',
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  @IsUUID()
  organisationId!: string;

  @Field.displayName(true)
  displayName!: string;

  @Field.issuer(true)
  issuer!: string;

  @Field.clientId(true)
  clientId!: string;

  @Field.clientSecret(true)
  clientSecret!: string;

  @Field.scopes(true)
  scopes?: string[];

  @Field.emailClaim(true)
  emailClaim?: string;

  @Field.allowedDomains(true)
  allowedDomains!: string[];

  @Field.flag(
    'Whether a person without an account gets one at first sign-in (with no programme roles ' +
      'until a coordinator adds them). Default false.',
    false,
  )
  createUsers?: boolean;

  @Field.flag(
    "Whether the organisation's people may sign in only through this provider. Default false.",
    false,
  )
  passwordSignInDisabled?: boolean;

  @Field.flag('Whether people can sign in through it now. Default true.', true)
  enabled?: boolean;
}
