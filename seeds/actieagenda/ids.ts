import { createHash } from 'node:crypto';

/**
 * Identity across runs: every seeded row gets a UUID v5 (RFC 9562, SHA-1 name-based) derived
 * from the programme's id and the item's stable key. A second run finds the rows by primary
 * key; nothing depends on titles or texts that people may edit afterwards, and a programme
 * that is created anew gets its own copy. Natural keys were the alternative, but commitments
 * and actions have none that users cannot change.
 */
const NAMESPACE = Buffer.from('3b0f7c52a1d94e6b8c2e5f4a9d7b1c60', 'hex');

export function seedId(programmeId: string, name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${programmeId}/${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const commitmentId = (programmeId: string, key: string) =>
  seedId(programmeId, `commitment/${key}`);
export const actionId = (programmeId: string, key: string) => seedId(programmeId, `action/${key}`);
