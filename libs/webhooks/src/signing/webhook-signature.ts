import { createHmac, randomBytes } from 'node:crypto';

/** The prefix of a Standard Webhooks secret; the rest is the key in base64. */
const SECRET_PREFIX = 'whsec_';
/** 32 random bytes: the HMAC-SHA256 key (Standard Webhooks allows 24 to 64). */
const SECRET_BYTES = 32;

/** A new signing secret, `whsec_` and 32 random bytes in base64, as Standard Webhooks writes them. */
export const newWebhookSecret = (): string =>
  `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;

const keyOf = (secret: string): Buffer => {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('not a webhook secret');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
};

/**
 * The `webhook-signature` header of a message per the Standard Webhooks specification:
 * `v1,` and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` under each secret, separated
 * by spaces (two during a rotation: receivers accept the message when one matches).
 */
export function signatureHeader(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): string {
  const content = `${id}.${timestamp}.${body}`;
  return secrets
    .map(
      (secret) =>
        `v1,${createHmac('sha256', keyOf(secret)).update(content, 'utf8').digest('base64')}`,
    )
    .join(' ');
}

/** The three headers of a signed message; `timestamp` in whole seconds since the epoch. */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secrets, id, timestamp, body),
  };
}
