import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { findFreePort } from './free-port';
import { httpOk, sleep } from './http-ready';
import { OutputTail, ServiceError, hasExited, supervise } from './service-process';

export interface LocalMailOptions {
  /** The MailDev command (its dist/bin/maildev.js). */
  binary: string;
  /** Where the received messages are kept (.eml files), between runs too. */
  dataDir: string;
  log?: (line: string) => void;
  debug?: boolean;
  ownProcessGroup?: boolean;
  onUnexpectedExit?: (detail: string) => void;
}

export interface LocalMail {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
/** The inbox keeps this many messages; the oldest go first. */
const MAX_MESSAGES = 2000;

/**
 * A local SMTP inbox for trying the product out: MailDev (an npm package) takes every e-mail
 * the worker sends, keeps it in `dataDir` and shows it in a web page. Listens on 127.0.0.1
 * only, on 1025/1080 when free.
 */
export async function startLocalMail(options: LocalMailOptions): Promise<LocalMail> {
  if (!existsSync(options.binary)) {
    throw new ServiceError(`MailDev is not installed (${options.binary}); run "npm ci".`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const [smtpPort, webPort] = [await findFreePort(1025), await findFreePort(1080)];
  // prettier-ignore
  const args = [
    options.binary,
    '--smtp', String(smtpPort), '--ip', '127.0.0.1',
    '--web', String(webPort), '--web-ip', '127.0.0.1',
    '--mail-directory', options.dataDir,
    '--max-emails', String(MAX_MESSAGES),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  const tail = new OutputTail();
  const onLine = options.debug ? options.log : undefined;
  tail.follow(child.stdout, onLine);
  tail.follow(child.stderr, onLine);
  const stop = supervise(
    child,
    [
      ['SIGTERM', 5_000],
      ['SIGKILL', 2_000],
    ],
    (exit) => options.onUnexpectedExit?.(`The mail inbox (MailDev) exited unexpectedly (${exit}).`),
  );
  const webUrl = `http://127.0.0.1:${webPort}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await httpOk(`${webUrl}/api/healthz`))) {
    if (hasExited(child) || Date.now() > deadline) {
      await stop();
      for (const line of tail.lines()) options.log?.(line);
      throw new ServiceError(
        `The mail inbox (MailDev) did not start on ports ${smtpPort} and ${webPort}.`,
      );
    }
    await sleep(200);
  }
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, stop };
}
