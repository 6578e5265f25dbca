/**
 * The browser tests need Chromium (PITFALLS: the Debian package, no Playwright download).
 * Finds it, or installs it with apt-get where that is routine (root on Debian/Ubuntu), the way
 * `npm start` treats redis-server; otherwise says how to install it. Never skipped silently.
 */
import { findOrInstall } from './services/apt-install';

const help = [
  'The browser tests need Chromium, and chromium was not found on the PATH. Install it:',
  '  Debian/Ubuntu:    sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
].join('\n');

async function main(): Promise<void> {
  if (process.env.CHROMIUM_PATH) return;
  await findOrInstall({
    command: 'chromium',
    debianPackage: 'chromium',
    help,
    log: (line) => process.stdout.write(`${line}\n`),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
