import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A rendered e-mail: its subject and its two parts. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
}

/** The sample e-mails `scripts/write-mail-samples.ts` renders as the worker would send them. */
export interface MailSamples {
  actionId: string;
  actionTitle: string;
  preferences: string;
  kinds: number;
  reminder: Mail;
  updateRequest: Mail;
  digest: { nl: Mail; en: Mail };
}

/**
 * The server renders the sample e-mails (the built script; `npm run test:browser` builds
 * first), linked to pages under `base`: the tests look at them as a reader does, without
 * importing server code.
 */
export function renderMailSamples(base: string): MailSamples {
  const root = resolve(__dirname, '../../../..');
  const folder = mkdtempSync(join(tmpdir(), 'sbt-mails-'));
  try {
    const file = join(folder, 'mails.json');
    execFileSync(process.execPath, [join(root, 'dist/scripts/write-mail-samples.js'), file, base], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return JSON.parse(readFileSync(file, 'utf8')) as MailSamples;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
