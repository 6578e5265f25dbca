/**
 * Why a sign-in through an organisation's provider was refused. The browser is sent back to
 * the sign-in page with the code (`?sso-fout=…`), where the web app says it in Dutch; each is
 * recorded in the audit log (`login_failed`, reason = the code).
 */
export const OIDC_REFUSALS = {
  /** No (enabled) provider for this e-mail domain or id. */
  OIDC_PROVIDER_UNKNOWN: 'no identity provider for this e-mail address or id',
  /** The provider exists but is switched off. */
  OIDC_PROVIDER_DISABLED: 'the identity provider is switched off',
  /** More than one provider lists the e-mail domain: the person must pick one. */
  OIDC_PROVIDER_AMBIGUOUS: 'more than one identity provider serves this e-mail domain',
  /** Discovery, JWKS or token endpoint did not answer (properly). */
  OIDC_PROVIDER_UNREACHABLE: 'the identity provider could not be reached',
  /** The provider refused this product's client (a wrong client id or secret). */
  OIDC_PROVIDER_MISCONFIGURED:
    'the identity provider does not accept this application (client id or secret)',
  /** The provider answered the authorisation request with an error (e.g. cancelled). */
  OIDC_PROVIDER_REFUSED: 'the identity provider did not sign the person in',
  /** No state, a state this browser did not start, or one never issued. */
  OIDC_STATE_INVALID: 'the sign-in was not started in this browser',
  /** A state whose callback came before: a replay. */
  OIDC_STATE_REPLAYED: 'the sign-in was already completed once (replayed)',
  /** The sign-in took longer than allowed. */
  OIDC_STATE_EXPIRED: 'the sign-in took too long',
  /** The token endpoint refused the code (spent, expired, or the PKCE verifier did not match). */
  OIDC_CODE_REFUSED: 'the identity provider refused the authorisation code',
  /** The ID token's nonce is not the one this sign-in sent. */
  OIDC_NONCE_MISMATCH: 'the ID token was not issued for this sign-in (nonce)',
  /** Unsigned, or not signed by a key of the provider. */
  OIDC_TOKEN_SIGNATURE: 'the ID token is unsigned or not signed by the provider',
  /** Issued for another client. */
  OIDC_AUDIENCE_MISMATCH: 'the ID token was issued for another application (audience)',
  /** Expired, or issued too long ago. */
  OIDC_TOKEN_EXPIRED: 'the ID token has expired',
  /** Another issuer, or anything else wrong with the token answer. */
  OIDC_TOKEN_INVALID: 'the ID token is not valid',
  /** The provider sent no (usable) e-mail address in the configured claim. */
  OIDC_EMAIL_MISSING: 'the identity provider sent no valid e-mail address',
  /** The e-mail address is not verified by the provider. */
  OIDC_EMAIL_UNVERIFIED: 'the identity provider has not verified the e-mail address',
  /** The e-mail domain is not one this provider may sign in. */
  OIDC_DOMAIN_NOT_ALLOWED: "the e-mail address is not of the provider's organisation",
  /** The account belongs to another organisation than the provider's. */
  OIDC_OTHER_ORGANISATION: 'the account belongs to another organisation',
  /** The account is deactivated. */
  OIDC_USER_INACTIVE: 'the account is deactivated',
  /** No account, and the provider may not create one. */
  OIDC_NO_ACCOUNT: 'there is no account for this person',
  /** The account is linked to another person at this provider already. */
  OIDC_ALREADY_LINKED: 'the account is linked to another account at this provider',
  /**
   * A platform administrator's account is never linked by e-mail address (whoever controls
   * an organisation's directory would control the platform): they link it themselves.
   */
  OIDC_LINK_NOT_ALLOWED: 'a platform administrator links their account themselves, signed in',
  /** Something went wrong on our side (the database away, …): nothing the person did. */
  OIDC_FAILED: 'signing in failed through a fault of this application; it is logged',
} as const;

export type OidcRefusalCode = keyof typeof OIDC_REFUSALS;

export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcRefusalCode,
    /** What is known when refusing: recorded in the audit event. */
    readonly context: {
      identityProviderId?: string;
      userId?: string;
      email?: string;
      detail?: string;
      /** Where the person was going: the sign-in page keeps it for the next try. */
      returnTo?: string;
    } = {},
  ) {
    super(OIDC_REFUSALS[code]);
    this.name = 'OidcRefusal';
  }
}

/** What a thrown error (and its causes) says: codes, names, messages, compared claims. */
function traits(error: unknown): {
  codes: string[];
  names: string[];
  claims: string[];
  errors: string[];
  text: string;
} {
  const found = {
    codes: [] as string[],
    names: [] as string[],
    claims: [] as string[],
    errors: [] as string[],
    text: '',
  };
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const item = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      claim?: unknown;
      error?: unknown;
      cause?: unknown;
    };
    if (typeof item.code === 'string') found.codes.push(item.code);
    if (typeof item.name === 'string') found.names.push(item.name);
    if (typeof item.claim === 'string') found.claims.push(item.claim);
    // An OAuth error response (ResponseBodyError): `invalid_grant`, `invalid_client`, …
    if (typeof item.error === 'string') found.errors.push(item.error);
    if (typeof item.message === 'string') found.text += ` ${item.message}`;
    current = item.cause;
  }
  return found;
}

/**
 * The refusal for an error of openid-client (oauth4webapi) while exchanging the code and
 * checking the ID token. Matched on the library's documented error codes and the claim it
 * compared; anything unrecognised is OIDC_TOKEN_INVALID, never a success.
 */
export function refusalForTokenError(error: unknown): OidcRefusalCode {
  const { codes, names, claims, errors, text } = traits(error);
  if (names.includes('AuthorizationResponseError')) return 'OIDC_PROVIDER_REFUSED';
  if (errors.includes('invalid_client') || errors.includes('unauthorized_client')) {
    return 'OIDC_PROVIDER_MISCONFIGURED';
  }
  if (names.includes('ResponseBodyError')) return 'OIDC_CODE_REFUSED';
  if (claims.includes('nonce')) return 'OIDC_NONCE_MISMATCH';
  if (claims.includes('aud') || claims.includes('azp')) return 'OIDC_AUDIENCE_MISMATCH';
  if (codes.includes('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return 'OIDC_TOKEN_EXPIRED';
  if (
    codes.includes('OAUTH_KEY_SELECTION_FAILED') ||
    /signature verification failed|JWS "?alg"?|JWS algorithm|unexpected JWT "alg"/i.test(text)
  ) {
    return 'OIDC_TOKEN_SIGNATURE';
  }
  if (
    names.includes('AbortError') ||
    names.includes('TimeoutError') ||
    /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(text) ||
    codes.includes('OAUTH_RESPONSE_IS_NOT_CONFORM') ||
    codes.includes('OAUTH_RESPONSE_IS_NOT_JSON')
  ) {
    return 'OIDC_PROVIDER_UNREACHABLE';
  }
  return 'OIDC_TOKEN_INVALID';
}

/**
 * What an error of openid-client says, for the log: its message and, for an OAuth error
 * answer, `error`, `error_description` and the HTTP status (the message alone says only that
 * there was one). Never a token or a code: the library puts neither in these.
 */
export function describeProviderError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const answer = error as Error & {
    error?: unknown;
    error_description?: unknown;
    status?: unknown;
  };
  const parts = [error.message];
  if (typeof answer.error === 'string') parts.push(`error=${answer.error}`);
  if (typeof answer.error_description === 'string') {
    parts.push(`error_description=${answer.error_description.slice(0, 200)}`);
  }
  if (typeof answer.status === 'number') parts.push(`status=${answer.status}`);
  return parts.join('; ');
}
