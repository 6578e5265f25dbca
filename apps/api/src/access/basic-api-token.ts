/**
 * Calendar apps (Apple Calendar, Thunderbird, Outlook) cannot send a bearer token but can send
 * HTTP Basic, so routes that opt in (`@Access(…, { basicApiToken: true })`) also take an API
 * token as the Basic password: `Authorization: Basic base64(<anything>:<sbt_ token>)`. Only
 * API tokens, never passwords or access JWTs; tokens never in the URL (DESIGN §4).
 */
export type BasicApiToken =
  /** No Basic credentials: the bearer strategy decides. */
  | { kind: 'absent' }
  /** Basic credentials that do not hold an API token: 401. */
  | { kind: 'invalid' }
  | { kind: 'token'; token: string };

/** The realm calendar apps show when they ask for the credentials (RFC 7617). */
export const BASIC_CHALLENGE = 'Basic realm="Sterk Bestuur Tracker", charset="UTF-8"';

const BASIC = /^basic(?:[ \t]+(.*))?$/i;
/** Canonical base64 (RFC 4648 §4), padded; what every client sends. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** `sbt_` and base64url, as API tokens are issued; bounded so no one hashes a megabyte. */
const API_TOKEN = /^sbt_[A-Za-z0-9_-]{1,256}$/;

/** Reads an `Authorization` header as Basic credentials carrying an API token. */
export function parseBasicApiToken(header: string | undefined): BasicApiToken {
  const match = header === undefined ? null : BASIC.exec(header.trim());
  if (!match) return { kind: 'absent' };
  const encoded = (match[1] ?? '').trim();
  if (encoded.length === 0 || !BASE64.test(encoded)) return { kind: 'invalid' };
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'invalid' };
  // The user name is free (calendar apps insist on one); the password is the token.
  const password = decoded.slice(colon + 1);
  return API_TOKEN.test(password) ? { kind: 'token', token: password } : { kind: 'invalid' };
}
