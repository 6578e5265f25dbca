/**
 * The PDF report's tests read the rendered file with poppler's tools (`pdfinfo` for the tags,
 * language and version, `pdffonts` for the embedded fonts, `pdftotext`, `pdftoppm`): finds
 * them, or installs poppler-utils with apt-get where that is routine (root on Debian/Ubuntu),
 * as `ensure-chromium` does; otherwise says how to install them. Never skipped silently.
 */
import { findOnPath, findOrInstall } from './services/apt-install';

const POPPLER_TOOLS = ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'] as const;

const help = [
  "The PDF report's tests need poppler's tools (pdfinfo, pdffonts, pdftotext, pdftoppm), and",
  'at least one was not found on the PATH. Install them:',
  '  Debian/Ubuntu:    sudo apt-get update && sudo apt-get install -y poppler-utils',
  '  macOS (Homebrew): brew install poppler',
].join('\n');

async function main(): Promise<void> {
  const missing = POPPLER_TOOLS.filter((tool) => findOnPath(tool) === undefined);
  if (missing.length === 0) return;
  // One package brings them all: install it for the first missing tool, then check the rest.
  await findOrInstall({
    command: missing[0],
    debianPackage: 'poppler-utils',
    help,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const still = POPPLER_TOOLS.filter(
    (tool) => findOnPath(tool, `${process.env.PATH}:/usr/bin`) === undefined,
  );
  if (still.length > 0)
    throw new Error(`poppler-utils is installed, but ${still.join(', ')} not.\n${help}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
