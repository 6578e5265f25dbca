import { PassThrough } from 'node:stream';
import type { ProgressReport } from '../progress/progress-report.model';
import { FIXTURE_ACTIONS, FIXTURE_TRACKS, generatedReport, reportFixture } from './report-fixture';
import { renderDocx } from './docx-renderer';
import { reportFilename } from './report-formats';
import { parseDocx } from '../../../../test/support/read-docx';

async function render(report: ProgressReport = reportFixture()) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  await renderDocx(report, out, (done) => progress.push(done));
  const ended = out.writableEnded;
  out.end();
  const file = Buffer.concat(chunks);
  return { file, docx: await parseDocx(file), progress, ended };
}

describe('renderDocx', () => {
  it('writes a DOCX (a zip) and leaves the stream open for the caller', async () => {
    const { file, progress, ended } = await render();
    expect(file.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(progress.at(-1)).toBe(FIXTURE_ACTIONS.length);
    expect(ended).toBe(false);
  });

  it('is structured by real headings: the subject, one per track, the annex', async () => {
    const { docx } = await render();
    expect(docx.headings.filter((h) => h.level <= 2)).toEqual([
      { level: 1, text: 'Betreft\tVoortgang Actieagenda Sterk Bestuur' },
      { level: 2, text: FIXTURE_TRACKS[0].name },
      { level: 2, text: FIXTURE_TRACKS[1].name },
      { level: 2, text: 'Zonder spoor' },
      { level: 1, text: 'Bijlage: overzicht van acties' },
    ]);
    // Word's navigation pane knows them as its own heading styles.
    expect(docx.stylesXml).toMatch(
      /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:name w:val="heading 1"\/>/i,
    );
  });

  it('is in Dutch, with its title in the core properties', async () => {
    const { docx } = await render();
    expect(docx.stylesXml).toContain('<w:lang w:val="nl-NL"/>');
    expect(docx.coreXml).toContain('<dc:title>Voortgang Actieagenda Sterk Bestuur</dc:title>');
  });

  it('has a letterhead with the addressee, a Dutch date and placeholders to complete', async () => {
    const { docx } = await render();
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts[0]).toBe('[Ministerie van Binnenlandse Zaken en Koninkrijksrelaties]');
    expect(texts).toContain('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(texts).toContain('Postbus 20018');
    expect(texts).toContain('2500 EA Den Haag');
    expect(texts).toContain('Datum\t20 november 2026');
    expect(texts).toContain('Kenmerk\t[kenmerk invullen]');
    expect(texts).toContain('Geachte voorzitter,');
    expect(texts).toContain('Hoogachtend,');
    expect(texts).toContain('De minister van Binnenlandse Zaken en Koninkrijksrelaties,');
    expect(texts).toContain('[naam minister]');
    expect(docx.documentXml).toContain('<w:highlight w:val="yellow"/>');
  });

  it('states the period and the key figures of the summary in sentences', async () => {
    const { docx } = await render();
    const text = docx.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(
      'over de voortgang van Actieagenda Sterk Bestuur in de periode van 1 oktober 2026 tot en ' +
        'met 20 november 2026. De stand is die van 20 november 2026 om 10:00.',
    );
    // 5 actions: a3 closed (met), 4 open, a1 overdue, a3 completed in the period.
    expect(text).toContain(
      'Het programma telt 5 acties. Daarvan is er 1 afgesloten en zijn er 4 nog open. Van de ' +
        'open acties is er 1 over de deadline. In de periode is 1 actie afgerond',
    );
  });

  it('shows per track the commitments by parliamentary status and the latest narratives', async () => {
    const { docx } = await render();
    const text = docx.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('Dit spoor telt 2 acties: 2 Openstaand.');
    expect(text).toContain('Dit spoor telt 2 acties: 1 Openstaand, 1 Voldaan.');
    const [first] = docx.tables;
    expect(first[0]).toEqual([
      'Afspraak',
      'Soort',
      'Openstaand',
      'Deels voldaan',
      'Voldaan',
      'Vervallen',
    ]);
    expect(first.slice(1)).toEqual([
      ['UDO Regie op de volkshuisvesting', 'UDO-traject', '1', '0', '0', '0'],
      ['Acties zonder afspraak', '—', '1', '0', '0', '0'],
    ]);
    // The narrative with its owner and Dutch time (14:30 UTC is 15:30 in Amsterdam), its
    // markup as text, and its line break kept.
    expect(text).toContain('Ministerie van BZK, 15 november 2026 om 15:30');
    expect(text).toContain(
      'Het "Overhedenoverleg" heeft het advies besproken.\nVolgende stap: <script>',
    );
    expect(docx.documentXml).not.toContain('<script>');
  });

  it('lists every action in the annex table, its header row repeated on each page', async () => {
    const { docx } = await render();
    const annex = docx.tables.at(-1)!;
    expect(annex).toHaveLength(FIXTURE_ACTIONS.length + 1);
    expect(annex[0]).toEqual([
      'Spoor',
      'Actie',
      'Trekker',
      'Deadline',
      'Status',
      'Voortgang',
      'Gereed (%)',
      'Laatste toelichting',
    ]);
    expect(annex.slice(1).map((row) => row[1])).toEqual(FIXTURE_ACTIONS.map((a) => a.title));
    expect(annex[1].slice(2, 7)).toEqual([
      'BZK',
      '1 november 2026',
      'In uitvoering\n(Openstaand)',
      'Uit koers',
      '40%',
    ]);
    expect(annex[3][4]).toBe('Gerealiseerd\n(Voldaan)');
    expect(docx.documentXml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(1);
    // The annex is landscape.
    expect(docx.documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('labels the letter in English on request', async () => {
    const { docx } = await render(reportFixture('en'));
    expect(docx.stylesXml).toContain('<w:lang w:val="en-GB"/>');
    expect(docx.headings[0].text).toBe('Subject\tProgress of Actieagenda Sterk Bestuur');
    expect(docx.headings.at(-1)!.text).toBe('Annex: overview of the actions');
    expect(docx.paragraphs.map((p) => p.text)).toContain('Date\t20 November 2026');
    expect(reportFilename(reportFixture('en'), 'docx')).toBe('progress-letter-2026-11-20.docx');
    expect(reportFilename(reportFixture(), 'docx')).toBe('voortgangsbrief-2026-11-20.docx');
  });

  it('reports progress per thousand actions and stops when the reader goes away', async () => {
    const { progress, docx } = await render(generatedReport(2500));
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(docx.tables.at(-1)).toHaveLength(2501);

    const out = new PassThrough();
    out.destroy();
    await expect(renderDocx(generatedReport(2500), out)).rejects.toThrow('closed early');
  });
});
