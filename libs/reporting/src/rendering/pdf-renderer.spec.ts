import { PassThrough } from 'node:stream';
import type { ProgressReport } from '../progress/progress-report.model';
import { renderPdf } from './pdf-renderer';
import { FIXTURE_ACTIONS, generatedReport, reportFixture } from './report-fixture';

async function renderToBuffer(report: ProgressReport) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  await renderPdf(report, out, (done) => progress.push(done));
  const ended = out.writableEnded;
  out.end();
  return { pdf: Buffer.concat(chunks), progress, ended };
}

// mupdf (Artifex's WASM build: no system poppler or canvas needed) is ESM-only.
async function openPdf(pdf: Buffer) {
  const mupdf = await import('mupdf');
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  const pageText = (index: number): string =>
    document.loadPage(index).toStructuredText('').asText();
  /** The share of the page's pixels that are not (nearly) white, rendered in greys at 72 dpi. */
  const inkShare = (index: number): number => {
    const pixmap = document
      .loadPage(index)
      .toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false);
    const pixels = pixmap.getPixels();
    let ink = 0;
    for (const value of pixels) if (value < 160) ink++;
    return ink / pixels.length;
  };
  const pages = document.countPages();
  /** The index of the first page whose text contains `text`. */
  const pageWith = (text: string): number =>
    Array.from({ length: pages }, (_, i) => i).find((i) => pageText(i).includes(text)) ?? -1;
  return { pages, pageText, inkShare, pageWith };
}

describe('renderPdf', () => {
  it('writes a PDF with a cover page that is not blank', async () => {
    const { pdf, progress, ended } = await renderToBuffer(reportFixture());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(ended).toBe(false);
    expect(progress.at(-1)).toBe(FIXTURE_ACTIONS.length);

    const { pages, pageText, inkShare } = await openPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const cover = pageText(0);
    expect(cover).toContain('Voortgangsrapportage');
    expect(cover).toContain('Actieagenda Sterk Bestuur');
    expect(cover).toContain('2026-11-20 10:00');
    expect(cover).toContain('Pagina 1');
    expect(inkShare(0)).toBeGreaterThan(0.005);
  });

  it('draws the summary tables and both charts', async () => {
    const { pdf } = await renderToBuffer(reportFixture());
    const { pageText, inkShare, pageWith } = await openPdf(pdf);
    const summary = pageText(1);
    expect(summary).toContain('Samenvatting');
    expect(summary).toContain('Over de deadline');
    const charts = pageWith('Status per spoor');
    expect(charts).toBeGreaterThan(1);
    expect(pageText(charts)).toContain(
      'Voortgang van de open acties: Op koers 1, Risico 1, Uit koers 1, Niet beoordeeld 1.',
    );
    expect(inkShare(charts)).toBeGreaterThan(0.03);
  });

  it('lists the actions per track with text the built-in font can show', async () => {
    const { pdf } = await renderToBuffer(reportFixture());
    const { pages, pageText, pageWith } = await openPdf(pdf);
    const first = pageWith('Laatste toelichting');
    expect(first).toBeGreaterThan(pageWith('Status per spoor'));
    const text = Array.from({ length: pages - first }, (_, i) => pageText(first + i)).join('\n');
    expect(text).toContain('Financiën & uitvoerbaarheid');
    expect(text).toContain('Zonder spoor');
    expect(text).toContain('Reële inschatting van de uitvoeringskosten');
    expect(text).toContain('<script>');
    // '≥' and the emoji are not in WinAnsi: they become '?', and the rest of the text stays.
    expect(text).toContain('(? 3 sessies) ?');
    expect(text).toContain('Laatste toelichting');
  });

  it('labels the report in English on request', async () => {
    const { pdf } = await renderToBuffer(reportFixture('en'));
    const { pageText, pageWith } = await openPdf(pdf);
    expect(pageText(0)).toContain('Progress report');
    expect(pageText(0)).toContain('Page 1');
    expect(pageWith('Latest narrative')).toBeGreaterThan(0);
  });

  it('repeats the table header and numbers the pages of a long table', async () => {
    const { pdf, progress } = await renderToBuffer(generatedReport(300));
    expect(progress).toEqual([300]);
    const { pages, pageText } = await openPdf(pdf);
    expect(pages).toBeGreaterThan(10);
    const page = pageText(pages - 2);
    expect(page).toContain('(vervolg)');
    expect(page).toContain('Laatste toelichting');
    expect(page).toContain(`Pagina ${pages - 1}`);
  });
});
