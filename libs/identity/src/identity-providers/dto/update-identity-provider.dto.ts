import { IdentityProviderFields as Field } from './identity-provider-fields';

/**
 * Changes to an identity provider; absent properties stay as they are, the client secret
 * included. The organisation cannot change: delete the provider and create one for the other.
 */
export class UpdateIdentityProviderDto {
  @Field.displayName(false)
  displayName?: string;

  @Field.issuer(false)
  issuer?: string;

  @Field.clientId(false)
  clientId?: string;

  @Field.clientSecret(false)
  clientSecret?: string;

  @Field.scopes(false)
  scopes?: string[];

  @Field.emailClaim(false)
  emailClaim?: string;

  @Field.allowedDomains(false)
  allowedDomains?: string[];

  @Field.flag('Whether a person without an account gets one at first sign-in.', false)
  createUsers?: boolean;

  @Field.flag("Whether the organisation's people may sign in only through this provider.", false)
  passwordSignInDisabled?: boolean;

  @Field.flag('Whether people can sign in through it now.', true)
  enabled?: boolean;
}
