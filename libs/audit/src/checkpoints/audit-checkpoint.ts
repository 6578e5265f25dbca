import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../chain/canonical-json';

/** The chain's head at a moment, signed so that neither it nor the table can be rolled back unseen. */
export interface AuditCheckpoint {
  sequence: string;
  hash: string;
  createdAt: string;
  /** HMAC-SHA256 (hex) over the canonical JSON of the three fields above. */
  signature: string;
}

type Unsigned = Omit<AuditCheckpoint, 'signature'>;

function mac(key: string, checkpoint: Unsigned): Buffer {
  const { sequence, hash, createdAt } = checkpoint;
  return createHmac('sha256', key)
    .update(canonicalJson({ sequence, hash, createdAt }), 'utf8')
    .digest();
}

export function signCheckpoint(key: string, checkpoint: Unsigned): AuditCheckpoint {
  return { ...checkpoint, signature: mac(key, checkpoint).toString('hex') };
}

/** Whether `value` is a well-formed checkpoint signed with `key`. */
export function isValidCheckpoint(key: string, value: unknown): value is AuditCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (
    typeof candidate.sequence !== 'string' ||
    !/^\d{1,19}$/.test(candidate.sequence) ||
    typeof candidate.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(candidate.hash) ||
    typeof candidate.createdAt !== 'string' ||
    typeof candidate.signature !== 'string' ||
    !/^[0-9a-f]{64}$/.test(candidate.signature)
  ) {
    return false;
  }
  const expected = mac(key, candidate as unknown as Unsigned);
  return timingSafeEqual(expected, Buffer.from(candidate.signature, 'hex'));
}
