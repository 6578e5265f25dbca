import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { ServiceError } from './service-process';

export type InstallPlan = 'apt-get' | 'ask-user';

/** Installing software unasked is only acceptable where it is routine: as root on a Debian-like Linux. */
export function planInstall(host: {
  platform: NodeJS.Platform;
  uid: number | undefined;
  hasAptGet: boolean;
}): InstallPlan {
  return host.platform === 'linux' && host.uid === 0 && host.hasAptGet ? 'apt-get' : 'ask-user';
}

export function findOnPath(
  command: string,
  pathVariable = process.env.PATH ?? '',
): string | undefined {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code));
  });
}

/**
 * The path of `command`; when it is missing, installs the Debian package `debianPackage`
 * with apt-get where that is routine (planInstall), otherwise fails with `help`.
 */
export async function findOrInstall(options: {
  command: string;
  debianPackage: string;
  help: string;
  log: (line: string) => void;
}): Promise<string> {
  const { command, debianPackage, help, log } = options;
  const found = findOnPath(command);
  if (found) return found;
  const plan = planInstall({
    platform: process.platform,
    uid: process.getuid?.(),
    hasAptGet: findOnPath('apt-get') !== undefined,
  });
  if (plan === 'ask-user') throw new ServiceError(help);

  log(`${command} is not installed; installing ${debianPackage} with apt-get (one time only)...`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', debianPackage]]) {
    const code = await run('apt-get', args);
    if (code !== 0) {
      throw new ServiceError(`"apt-get ${args.join(' ')}" failed (exit code ${code}).\n${help}`);
    }
  }
  const installed = findOnPath(command, `${process.env.PATH ?? ''}${path.delimiter}/usr/bin`);
  if (!installed)
    throw new ServiceError(
      `apt-get installed ${debianPackage}, but ${command} is still not found.\n${help}`,
    );
  return installed;
}
