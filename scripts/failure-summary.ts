/**
 * What failed, in a few lines, for the very end of `npm test` (scripts/test-all.ts). CI keeps
 * only the last lines of a run, and the browser suite's report is printed when that suite ends,
 * well before Jest's last line: twice a CI run said "FAILED Browser stories" and nothing more.
 * These functions pick the failing tests' titles and the first lines of their errors out of
 * each runner's own report (Jest's default reporter, Playwright's list reporter).
 */

/** The most failures named per suite; the rest are counted. */
const MAX_NAMED = 8;
/** Lines of a Playwright error kept under its title (Error, Locator, Expected, Received…). */
const ERROR_LINES = 4;

// Jest and Playwright colour their output when asked to (FORCE_COLOR); the summary is plain.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function plainLines(output: string): string[] {
  return output.replace(ANSI, '').split(/\r?\n/);
}

function capped(entries: string[][]): string[] {
  const named = entries.slice(0, MAX_NAMED).flat();
  const more = entries.length - MAX_NAMED;
  return more > 0 ? [...named, `… and ${more} more`] : named;
}

/**
 * Jest's failing tests: its reporter heads each with "● Suite › test" (or "● Test suite
 * failed to run"), under the file's "FAIL <project> <path>" line.
 */
export function jestFailures(output: string): string[] {
  const entries: string[][] = [];
  const seen = new Set<string>();
  let file = '';
  for (const line of plainLines(output)) {
    const fail = /^FAIL\s+(?:\S+\s+)?(\S+\.ts)/.exec(line);
    if (fail) file = fail[1];
    const title = /^\s+● (.+)$/.exec(line);
    // "● Console" heads a file's console output, not a failure.
    if (!title || title[1].trim() === 'Console') continue;
    const entry = `${file ? `${file} › ` : ''}${title[1].trim()}`;
    // The reporter repeats each failure in its closing summary.
    if (seen.has(entry)) continue;
    seen.add(entry);
    entries.push([entry]);
  }
  return capped(entries);
}

/**
 * Playwright's failing and flaky stories (flaky: failed, then passed on its retry): the list
 * reporter numbers each, "1) [chromium] › file:line:col › title ───", then the error,
 * "Error: …", "Locator: …", "Expected: …".
 */
export function playwrightFailures(output: string): string[] {
  const entries: string[][] = [];
  const lines = plainLines(output);
  const flaky = flakyTitles(lines);
  for (let index = 0; index < lines.length; index += 1) {
    const header = /^\s+\d+\) (.+?)\s*─*\s*$/.exec(lines[index]);
    if (!header) continue;
    const entry = [flaky.has(header[1]) ? `(flaky) ${header[1]}` : header[1]];
    for (let next = index + 1; next < lines.length && entry.length <= ERROR_LINES; next += 1) {
      const text = lines[next].trim();
      if (!text) continue;
      // The error is indented under its title; the next title or the totals are not.
      if (!/^ {4}/.test(lines[next]) || /^(?:Error Context|attachment #|Retry #)/.test(text)) break;
      entry.push(`  ${text}`);
    }
    entries.push(entry);
  }
  return capped(entries);
}

/** The titles the closing totals list under "N flaky": failed once, then passed their retry. */
function flakyTitles(lines: string[]): Set<string> {
  const titles = new Set<string>();
  const start = lines.findIndex((line) => /^ {2}\d+ flaky$/.test(line));
  if (start < 0) return titles;
  for (const line of lines.slice(start + 1)) {
    const title = /^ {4}(\S.*?)\s*─*\s*$/.exec(line);
    if (!title) break;
    titles.add(title[1]);
  }
  return titles;
}
