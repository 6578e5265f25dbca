import { parse } from 'csv-parse/sync';
import type { PublicActionRow } from '@app/tracking';
import { openDataCsvHeader, openDataCsvRows } from './open-data-csv';
import { OPEN_DATA_FIELD_NAMES, OPEN_DATA_FIELDS } from './open-data.fields';
import { mapOpenDataAction, openDataCsvRecord, sourceReference } from './open-data.mapper';

const row = (overrides: Partial<PublicActionRow> = {}): PublicActionRow => ({
  id: '3f6a1c2e-9b7d-4e1f-8a2b-5c4d3e2f1a0b',
  title: 'Monitor lokale democratie',
  description: 'Tweejaarlijkse monitor.',
  trackName: 'Versterken lokale democratie',
  commitmentKind: 'parliamentary_pledge',
  commitmentTitle: 'Toezegging monitor',
  sourceDocument: 'Kamerbrief Actieagenda Sterk Bestuur',
  sourceKamerstuk: '29362-296',
  ownerOrganisationCode: 'BZK',
  ownerOrganisationName: 'Ministerie van BZK',
  partnerOrganisationCodes: ['IPO', 'VNG'],
  deadline: '2026-12-31',
  status: 'partially_met',
  health: 'not_set',
  percentComplete: 80,
  closedAt: new Date('2026-06-30T09:15:00Z'),
  latestNarrative: 'Deels geleverd.',
  // 23:30 UTC on 29 June is 30 June in Amsterdam (summer time).
  latestNarrativeAt: new Date('2026-06-29T23:30:00Z'),
  updatedAt: new Date('2026-06-30T09:15:00.123Z'),
  ...overrides,
});

describe('open data rows', () => {
  it('maps a row onto exactly the documented fields, in their order', () => {
    const action = mapOpenDataAction(row());
    expect(Object.keys(action)).toEqual([...OPEN_DATA_FIELD_NAMES]);
    expect(action).toEqual({
      id: '3f6a1c2e-9b7d-4e1f-8a2b-5c4d3e2f1a0b',
      title: 'Monitor lokale democratie',
      description: 'Tweejaarlijkse monitor.',
      track: 'Versterken lokale democratie',
      commitmentKind: 'parliamentary_pledge',
      commitmentTitle: 'Toezegging monitor',
      sourceReference: 'Kamerbrief Actieagenda Sterk Bestuur, kamerstuk 29362-296',
      ownerOrganisation: 'BZK',
      ownerOrganisationName: 'Ministerie van BZK',
      partnerOrganisations: ['IPO', 'VNG'],
      deadline: '2026-12-31',
      status: 'partially_met',
      statusParliament: 'Deels voldaan',
      health: 'not_set',
      percentComplete: 80,
      closedAt: '2026-06-30T09:15:00.000Z',
      latestNarrative: 'Deels geleverd.',
      latestNarrativeDate: '2026-06-30',
      updatedAt: '2026-06-30T09:15:00.123Z',
    });
  });

  it('leaves out what is absent: no commitment, no narrative, still open', () => {
    const action = mapOpenDataAction(
      row({
        trackName: null,
        commitmentKind: null,
        commitmentTitle: null,
        sourceDocument: null,
        sourceKamerstuk: null,
        partnerOrganisationCodes: [],
        status: 'in_progress',
        health: 'at_risk',
        closedAt: null,
        latestNarrative: null,
        latestNarrativeAt: null,
      }),
    );
    expect(action).toMatchObject({
      track: null,
      commitmentKind: null,
      sourceReference: null,
      partnerOrganisations: [],
      statusParliament: 'Openstaand',
      closedAt: null,
      latestNarrative: null,
      latestNarrativeDate: null,
    });
  });

  it('quotes the source document alone when it has no kamerstuk', () => {
    expect(sourceReference('Advies Rust, Reinheid, Regelmaat', null)).toBe(
      'Advies Rust, Reinheid, Regelmaat',
    );
    expect(sourceReference(null, null)).toBeNull();
  });

  it('passes on nothing a row carries beyond the field list', () => {
    const withExtra = { ...row(), ownerUserId: 'u-1', authorName: 'J. Jansen' } as PublicActionRow;
    expect(Object.keys(mapOpenDataAction(withExtra))).toEqual([...OPEN_DATA_FIELD_NAMES]);
  });

  it('documents every field with a description and an example', () => {
    for (const field of OPEN_DATA_FIELDS) {
      expect(field.description.length).toBeGreaterThan(10);
      expect(field.example.length).toBeGreaterThan(0);
    }
  });
});

describe('open data CSV', () => {
  const tricky = 'Wet "sterk bestuur"; deel 1\nen verder';

  it('joins partners with | and writes null as an empty cell', () => {
    const record = openDataCsvRecord(
      mapOpenDataAction(row({ latestNarrative: null, latestNarrativeAt: null })),
    );
    expect(record[OPEN_DATA_FIELD_NAMES.indexOf('partnerOrganisations')]).toBe('IPO|VNG');
    const csv = openDataCsvRows([record], 'comma');
    expect(csv).toContain(',IPO|VNG,');
    expect(csv).toContain(',Deels voldaan,not_set,80,2026-06-30T09:15:00.000Z,,,');
  });

  it.each(['comma', 'semicolon'] as const)(
    'round-trips separators, quotes and line breaks with %s',
    (separator) => {
      const record = openDataCsvRecord(mapOpenDataAction(row({ title: tricky })));
      const text = openDataCsvHeader(separator) + openDataCsvRows([record], separator);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const parsed: string[][] = parse(text, {
        bom: true,
        delimiter: separator === 'comma' ? ',' : ';',
      });
      expect(parsed[0]).toEqual([...OPEN_DATA_FIELD_NAMES]);
      expect(parsed[1][OPEN_DATA_FIELD_NAMES.indexOf('title')]).toBe(tricky);
      expect(parsed).toHaveLength(2);
    },
  );

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    const record = openDataCsvRecord(mapOpenDataAction(row({ title: '=HYPERLINK("x")' })));
    const [[, title]]: string[][] = parse(openDataCsvRows([record], 'comma'));
    expect(title).toBe('\'=HYPERLINK("x")');
  });
});
