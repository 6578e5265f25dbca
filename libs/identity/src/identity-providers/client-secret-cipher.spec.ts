import { randomBytes, randomUUID } from 'node:crypto';
import { ClientSecretCipher } from './client-secret-cipher';

const cipherWith = (key: Buffer) =>
  new ClientSecretCipher({ identityProviders: { secretKey: key } });

describe('ClientSecretCipher', () => {
  const key = randomBytes(32);
  const cipher = cipherWith(key);
  const provider = randomUUID();
  const secret = 'geheim~client.secret_0123456789';

  it('decrypts what it encrypted, and the stored bytes do not contain the secret', () => {
    const stored = cipher.encrypt(secret, provider);
    expect(cipher.decrypt(stored, provider)).toBe(secret);
    expect(stored.includes(Buffer.from(secret))).toBe(false);
    expect(stored.length).toBe(12 + 16 + Buffer.byteLength(secret));
  });

  it('encrypts the same secret differently each time (a fresh IV)', () => {
    const first = cipher.encrypt(secret, provider);
    const second = cipher.encrypt(secret, provider);
    expect(first.equals(second)).toBe(false);
    expect(first.subarray(0, 12).equals(second.subarray(0, 12))).toBe(false);
  });

  it('refuses to decrypt with another key', () => {
    const stored = cipher.encrypt(secret, provider);
    expect(() => cipherWith(randomBytes(32)).decrypt(stored, provider)).toThrow();
  });

  it('refuses tampered bytes: ciphertext, tag or IV', () => {
    const stored = cipher.encrypt(secret, provider);
    for (const position of [0, 12, stored.length - 1]) {
      const tampered = Buffer.from(stored);
      tampered[position] ^= 0x01;
      expect(() => cipher.decrypt(tampered, provider)).toThrow();
    }
    expect(() => cipher.decrypt(stored.subarray(0, 20), provider)).toThrow();
  });

  it("refuses a secret copied onto another provider's row", () => {
    const stored = cipher.encrypt(secret, provider);
    expect(() => cipher.decrypt(stored, randomUUID())).toThrow();
  });

  it('wants a 32-byte key', () => {
    expect(() => cipherWith(randomBytes(16))).toThrow(/32 bytes/);
  });
});
