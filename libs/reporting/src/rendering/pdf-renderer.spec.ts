import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ProgressReport } from '../progress/progress-report.model';
import { renderPdf } from './pdf-renderer';
import { FIXTURE_ACTIONS, generatedReport, reportFixture } from './report-fixture';

/*
 * The PDF is read back with poppler's tools, as a reader's software would: `npm test` and
 * `.ci/run` install poppler-utils when they are missing (scripts/ensure-poppler.ts).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'sbt-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${name} is missing: install poppler-utils (npm test does it on Debian).`, {
        cause: error,
      });
    }
    throw error;
  }
}

async function render(report: ProgressReport, name: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  await renderPdf(report, out, (done) => progress.push(done));
  const ended = out.writableEnded;
  out.end();
  const pdf = Buffer.concat(chunks);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))?.[1]);
  const pageText = (page: number) =>
    tool('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
  return { file, pdf, progress, ended, pages, pageText };
}

/**
 * The structure tree with its text, as poppler prints it; table cells' lines end in a space
 * (drawn so that PDFKit shapes each word once), left out here.
 */
function structure(file: string): string {
  return tool('pdfinfo', ['-struct-text', file]).replace(/ +"$/gm, '"');
}

/** The `/Alt` texts of the figures (poppler does not print them), decoded. */
function figureAlts(pdf: Buffer): string[] {
  const objects = pdf.toString('latin1').split(/\bendobj\b/);
  return objects
    .filter((object) => /\/S \/Figure\b/.test(object))
    .map((object) => /\/Alt \(((?:\\.|[^\\)])*)\)/.exec(object)?.[1] ?? '')
    .map((literal) => {
      const bytes = Buffer.from(
        literal.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
          /^[0-7]/.test(c)
            ? String.fromCharCode(parseInt(c, 8))
            : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c),
        ),
        'latin1',
      );
      return bytes[0] === 0xfe && bytes[1] === 0xff
        ? bytes.subarray(2).swap16().toString('utf16le')
        : bytes.toString('latin1');
    });
}

/** The share of a page's pixels that are not (nearly) white, rendered in greys at 30 dpi. */
function inkShare(file: string, page: number): number {
  const prefix = path.join(dir, `ink-${page}`);
  tool('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '30', '-gray', file, prefix]);
  const pgm = readFileSync(`${prefix}-${page}.pgm`);
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
  let ink = 0;
  for (const value of pixels) if (value < 160) ink++;
  return ink / pixels.length;
}

describe('renderPdf', () => {
  let nl: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    nl = await render(reportFixture(), 'nl');
  });

  it('writes a tagged PDF 1.7 with its title, language and PDF/UA identification', () => {
    expect(nl.pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(nl.ended).toBe(false);
    expect(nl.progress.at(-1)).toBe(FIXTURE_ACTIONS.length);
    const info = tool('pdfinfo', [nl.file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Voortgangsrapportage Actieagenda Sterk Bestuur$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(nl.pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    expect(nl.pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    expect(tool('pdfinfo', ['-meta', nl.file])).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  });

  it('embeds every font it uses, and no Helvetica', () => {
    const fonts = tool('pdffonts', [nl.file]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toContain('SourceSans3');
      expect(font).toMatch(/ yes yes yes /);
    }
    expect(fonts.join('\n')).not.toContain('Helvetica');
  });

  it('has a structure tree of headings, lists, tables with header cells and figures', () => {
    const tree = structure(nl.file);
    expect(tree).toMatch(/^Document$/m);
    expect(tree).toMatch(
      /^ {2}H1 \(block\)\n\s+"Voortgangsrapportage ?Actieagenda Sterk Bestuur"/m,
    );
    for (const h2 of ['Samenvatting', 'Grafieken', 'Acties', 'Inhoud', 'Kerncijfers']) {
      expect(tree).toMatch(new RegExp(`H2 \\(block\\)\\n\\s+"${h2}"`));
    }
    for (const h3 of ['Status en voortgang', 'Financiën & uitvoerbaarheid', 'Zonder spoor']) {
      expect(tree).toMatch(new RegExp(`H3 \\(block\\)\\n\\s+"${h3}"`));
    }
    expect(tree).toMatch(/LI \(block\)\n\s+Lbl \(block\)\n\s+"Peildatum"\n\s+LBody/);
    expect(tree).toMatch(/TOCI\n\s+Reference \(inline\)\n\s+Link \(inline\)\n\s+"Zonder spoor"/);
    // The actions' table: header cells for the columns, one row per action.
    const tables = tree.split(/Table \(block\)/).slice(1);
    const actions = tables.filter((t) => /"Laatste toelichting"/.test(t));
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Actie"/);
    const rows = actions.map(
      (t) => (t.split(/\n\s+(?:Sect|H3|H2)\b/)[0].match(/ TR\n/g) ?? []).length,
    );
    expect(rows.reduce((a, b) => a + b, 0)).toBe(FIXTURE_ACTIONS.length + 3);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Niet gestart"/);
    expect((tree.match(/Figure:/g) ?? []).length).toBe(2);
    expect(figureAlts(nl.pdf)).toEqual([
      expect.stringMatching(
        /^Status per spoor: Versterken van de bestuurlijke verhoudingen, acties 2/,
      ),
      'Voortgang van de open acties: Op koers 1, Risico 1, Uit koers 1, Niet beoordeeld 1.',
    ]);
  });

  it('writes Dutch dates and keeps characters outside WinAnsi', () => {
    const cover = nl.pageText(1);
    expect(cover).toContain('Voortgangsrapportage');
    expect(cover).toContain('20 november 2026 om 10:00');
    expect(cover).toContain('1 oktober 2026 – 20 november 2026');
    expect(cover).toContain('Pagina 1');
    expect(inkShare(nl.file, 1)).toBeGreaterThan(0.02);
    const all = tool('pdftotext', [nl.file, '-']).replace(/\s+/g, ' ');
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(all).toContain('15 december 2026');
    expect(all).toContain('Financiën & uitvoerbaarheid');
    expect(all).toContain('<script>');
    // ≥ is in the font; the emoji is not: it becomes □ and the rest of the text stays.
    expect(all).toContain('(≥ 3 sessies) □');
    expect(all).toContain('Voortgang van de open acties: Op koers 1, Risico 1, Uit koers 1, Niet');
  });

  it('labels the report in English on request', async () => {
    const en = await render(reportFixture('en'), 'en');
    expect(en.pdf.toString('latin1')).toContain('/Lang (en-GB)');
    expect(en.pageText(1)).toContain('Progress report');
    expect(en.pageText(1)).toContain('20 November 2026 at 10:00');
    expect(en.pageText(1)).toContain('Page 1');
    expect(structure(en.file)).toMatch(/H2 \(block\)\n\s+"Contents"/);
  });

  it('repeats the table header (as an artifact) and numbers the pages of a long table', async () => {
    const long = await render(generatedReport(200), 'long');
    expect(long.progress).toEqual([200]);
    expect(long.pages).toBeGreaterThan(8);
    const continued = Array.from({ length: long.pages - 4 }, (_, i) => i + 5).find((n) =>
      long.pageText(n).includes('(vervolg)'),
    );
    expect(continued).toBeDefined();
    const page = long.pageText(continued!);
    expect(page).toContain('Laatste toelichting');
    expect(page).toContain(`Pagina ${continued}`);
    const tree = structure(long.file);
    // One logical table per track: its header cells once, however many pages it runs over.
    const tables = (tree.match(/Table \(block\)/g) ?? []).length;
    const headers = (tree.match(/"Laatste toelichting"/g) ?? []).length;
    expect(headers).toBe(tables - 9);
    expect((tree.match(/"\S[^"]*\(vervolg\)"/g) ?? []).length).toBe(0);
  });
});
