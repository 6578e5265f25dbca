import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import * as argon2 from 'argon2';
import type { InvalidParam } from '@app/core';

/**
 * argon2id with OWASP's Password Storage Cheat Sheet parameters (m = 19 MiB, t = 2, p = 1):
 * its baseline for argon2id, affordable at log-in rates on a 2-core server.
 */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// ~49k passwords from breach corpora (zxcvbn-ts), compared case-insensitively.
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

@Injectable()
export class Passwords {
  /** A verifiable hash of a password that never matches: keeps log-in timing uniform. */
  private readonly decoy = argon2.hash('decoy password that matches nothing', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** Verifies against `hash`, or against a decoy when there is none, taking the same time. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? (await this.decoy), password);
      return hash !== null && ok;
    } catch {
      return false;
    }
  }

  /** Problems with a new password, as invalidParams under `field`; empty when acceptable. */
  check(password: string, field: string, email?: string): InvalidParam[] {
    const problems: InvalidParam[] = [];
    if (password.length < MIN_PASSWORD_LENGTH) {
      problems.push({ name: field, reason: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      problems.push({ name: field, reason: `must be at most ${MAX_PASSWORD_LENGTH} characters` });
    }
    const lower = password.toLowerCase();
    if (COMMON_PASSWORDS.has(lower)) {
      problems.push({ name: field, reason: 'is a commonly used password; choose another' });
    }
    if (email !== undefined && lower.includes(email.toLowerCase().split('@')[0])) {
      problems.push({ name: field, reason: 'must not contain the e-mail address' });
    }
    return problems;
  }
}
