import { PassThrough } from 'node:stream';
import { STATUS_SWATCH, formatDay } from '../progress/report-style';
import { renderHtml } from './html-renderer';
import { FIXTURE_ACTIONS, FIXTURE_TRACKS, reportFixture } from './report-fixture';

async function render(lang: 'nl' | 'en' = 'nl'): Promise<string> {
  let html = '';
  await renderHtml(reportFixture(lang), (chunk) => {
    html += chunk;
  });
  return html;
}

describe('renderHtml', () => {
  it('escapes text, so a narrative with markup stays text', async () => {
    const html = await render();
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('Het &quot;Overhedenoverleg&quot; heeft');
    expect(html).toContain('Financiën &amp; uitvoerbaarheid');
  });

  it('declares the language of the report', async () => {
    expect(await render('nl')).toContain('<html lang="nl">');
    const english = await render('en');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<title>Progress report — Actieagenda Sterk Bestuur</title>');
  });

  it('orders the headings: title, summary, actions, then one per track', async () => {
    const headings = [...(await render()).matchAll(/<h([1-6])[^>]*>([^<]*)<\/h\1>/g)].map(
      ([, level, text]) => `h${level} ${text}`,
    );
    expect(headings).toEqual([
      'h1 Voortgangsrapportage: Actieagenda Sterk Bestuur',
      'h2 Samenvatting',
      'h2 Acties',
      `h3 ${FIXTURE_TRACKS[0].name}`,
      'h3 Financiën &amp; uitvoerbaarheid',
      'h3 Zonder spoor',
    ]);
  });

  it('gives every header cell a scope and every table a name', async () => {
    const html = await render();
    expect(html.match(/<th[ >]/g)!.length).toBe(html.match(/<th scope="(col|row)"/g)!.length);
    const tables = html.match(/<table[^>]*>(<caption>)?/g)!;
    for (const table of tables) expect(table).toMatch(/<caption>|aria-labelledby=/);
    expect(html.match(/<tr><th scope="row">/g)!.length).toBeGreaterThanOrEqual(
      FIXTURE_ACTIONS.length,
    );
  });

  it('draws two charts as images whose accessible name states the figures', async () => {
    const html = await render();
    const svgs = html.match(/<svg [^>]*>\s*<title[^>]*>[^<]+<\/title>/g)!;
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svg).toContain('role="img"');
    expect(html).toMatch(
      /aria-label="Voortgang van de open acties: Op koers 1, Risico 1, Uit koers 1, Niet beoordeeld 1\."/,
    );
    expect(html).toMatch(
      /aria-label="Status per spoor: Versterken van de bestuurlijke verhoudingen, acties 2 \(Niet gestart 1, In uitvoering 1\)/,
    );
  });

  it('shows the summary figures and uses no external resources or scripts', async () => {
    const html = await render();
    const { summary } = reportFixture();
    expect(html).toContain(`<th scope="row">Acties</th><td class="num">${summary.total}</td>`);
    expect(html).toContain(
      `<th scope="row">Over de deadline</th><td class="num">${summary.overdue}</td>`,
    );
    expect(html).toContain('<dt>Peildatum</dt><dd>20 november 2026 om 10:00</dd>');
    expect(html).toContain('<dt>Periode</dt><dd>1 oktober 2026 – 20 november 2026</dd>');
  });

  it('writes dates the Dutch way, and status and health in their colours with their words', async () => {
    const html = await render();
    const [first] = FIXTURE_ACTIONS;
    expect(html).toContain(`<td class="c-deadline">${formatDay(first.deadline, 'nl')}</td>`);
    expect(html).toContain(`<td class="c-status s-${first.status}">In uitvoering</td>`);
    expect(html).toContain(`<td class="c-health h-${first.health}">Uit koers</td>`);
    for (const [code, swatch] of Object.entries(STATUS_SWATCH)) {
      expect(html).toContain(`td.s-${code} { background: ${swatch.fill}; color: ${swatch.text}; }`);
    }
    expect(html).not.toMatch(/<td class="c-deadline">\d{4}-/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|href="http|url\(http/);
  });

  it('writes to a stream without ending it, and reports progress', async () => {
    const out = new PassThrough();
    let html = '';
    out.on('data', (chunk: Buffer) => (html += chunk.toString('utf8')));
    const progress: number[] = [];
    await renderHtml(reportFixture(), out, (done) => progress.push(done));
    expect(out.writableEnded).toBe(false);
    out.end();
    expect(html).toBe(await render());
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(progress).toEqual([FIXTURE_ACTIONS.length]);
  });
});
