import { Passwords } from './passwords';

describe('Passwords', () => {
  const passwords = new Passwords();

  it('hashes with argon2id and verifies', async () => {
    const hash = await passwords.hash('a long and unusual passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(passwords.verify(hash, 'a long and unusual passphrase')).resolves.toBe(true);
    await expect(passwords.verify(hash, 'a long and unusual passphrasf')).resolves.toBe(false);
  });

  it('never verifies without a hash', async () => {
    await expect(passwords.verify(null, 'decoy password that matches nothing')).resolves.toBe(
      false,
    );
  });

  it('rejects short, common and e-mail-derived passwords', () => {
    expect(passwords.check('xq7-zv', 'password')).toEqual([
      { name: 'password', reason: 'must be at least 12 characters' },
    ]);
    expect(passwords.check('password1234', 'password').map((p) => p.reason)).toContain(
      'is a commonly used password; choose another',
    );
    expect(passwords.check('jan.jansen-2026!', 'password', 'jan.jansen@vng.nl')).toEqual([
      { name: 'password', reason: 'must not contain the e-mail address' },
    ]);
    expect(passwords.check('Thorbecke blijft actueel', 'password', 'jan@bzk.nl')).toEqual([]);
  });
});
