import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
/** 96 bits: the IV length GCM is specified for (NIST SP 800-38D); random per encryption. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts secrets the product must read back (an identity provider's client secret, a
 * webhook's signing secret) with AES-256-GCM. The stored form is IV, tag and ciphertext in
 * one buffer. The owner's id is authenticated with it (additional data), so a secret copied
 * onto another row does not decrypt there.
 */
export class SecretCipher {
  constructor(
    private readonly key: Buffer,
    private readonly what: string,
  ) {
    if (key.length !== 32) throw new Error(`the key of ${what}s must be 32 bytes`);
  }

  encrypt(secret: string, ownerId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(ownerId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The secret; throws when the key, the owner or the stored bytes are not the ones used. */
  decrypt(stored: Buffer, ownerId: string): string {
    if (stored.length <= IV_BYTES + TAG_BYTES) throw new Error(`not an encrypted ${this.what}`);
    const iv = stored.subarray(0, IV_BYTES);
    const tag = stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(ownerId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}

/**
 * A key of its own for one purpose, derived from a root key (HKDF-SHA256): one configured
 * key serves several purposes without any two of them sharing a key.
 */
export const derivedKey = (root: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), `sterk-bestuur:${purpose}`, 32));
