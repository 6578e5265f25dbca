import type { SpreadsheetCommitment } from '@app/tracking';
import { COMMITMENT_COLUMNS } from '../sheet/commitment-columns';
import { ProgrammeNames } from '../sheet/programme-names';
import type { RawRow } from '../sheet/raw-cells';
import { commitmentSheetValues } from '../sheet/row-values';
import type { PlanContext } from './action-row.planner';
import { planCommitmentRow } from './commitment-row.planner';
import { CommitmentFinder } from './file-commitments';
import { RowCells } from './row-cells';
import { layoutOf } from './sheet-layout';

const BZK = { id: '00000000-0000-4000-8000-000000000001', code: 'BZK', name: 'Ministerie van BZK' };
const MINISTRY = '00000000-0000-4000-8000-000000000003';

/** A UDO trajectory recorded through the API: two documents of one Kamerstuk, one without. */
const commitment: SpreadsheetCommitment = {
  id: '00000000-0000-4000-8000-0000000000c1',
  version: 3,
  kind: 'udo_trajectory',
  title: 'Wet versterking regie',
  description: 'Het traject',
  dateAgreed: '2026-03-01',
  // The lead ministry has no column: the sheet must keep it.
  attributes: { billOrPolicy: 'Wetsvoorstel', phase: 'design', leadMinistryId: MINISTRY },
  parties: [BZK.id],
  references: [
    {
      document: 'Kamerbrief',
      kamerstuk: '29362-296',
      date: '2026-03-01',
      url: 'https://example.nl/brief.pdf',
    },
    {
      document: 'Kamerbrief (html)',
      kamerstuk: '29362-296',
      date: null,
      url: 'https://example.nl/brief.html',
    },
    { document: 'Verslag van het BOFv', kamerstuk: null, date: '2026-02-01', url: null },
  ],
};

const names = new ProgrammeNames({
  organisations: [BZK],
  tracks: [],
  members: [],
  commitments: [commitment],
  references: [],
});

const context: PlanContext = {
  programmeId: '00000000-0000-4000-8000-0000000000ff',
  names,
  commitments: new CommitmentFinder(names),
  now: new Date('2026-12-05T12:00:00Z'),
  defaultNarrative: 'Bijgewerkt met de spreadsheet-import.',
};

/** The filled workbook's row of the commitment, as text cells, with some cells changed. */
function row(changes: Record<string, string | null> = {}) {
  const values = { ...commitmentSheetValues(commitment, names, 'nl'), ...changes };
  const header: RawRow = {
    sheet: 'Toezeggingen',
    rowNumber: 1,
    cells: COMMITMENT_COLUMNS.map((c) => ({ kind: 'text' as const, text: c.header.nl })),
  };
  const raw: RawRow = {
    sheet: 'Toezeggingen',
    rowNumber: 2,
    cells: COMMITMENT_COLUMNS.map((c) => {
      const value = values[c.field];
      return value === null || value === undefined
        ? null
        : { kind: 'text' as const, text: String(value) };
    }),
  };
  return new RowCells(layoutOf(header)!, raw, 'nl');
}

const plan = (cells: RowCells) =>
  planCommitmentRow(
    cells,
    { existing: commitment, sheetVersion: 3, reference: null, referenceChanged: false },
    context,
  );

describe('planning a commitment row', () => {
  it('finds the filled workbook’s own row unchanged, two documents of one Kamerstuk included', () => {
    const planned = plan(row());
    expect(planned.errors).toBeNull();
    expect(planned.outcome).toBe('unchanged');
  });

  it('keeps every document of a Kamerstuk that stays, and the documents without one', () => {
    const planned = plan(row({ kamerstukken: '29362-296; 35896-10' }));
    expect(planned.outcome).toBe('update');
    expect(planned.plan?.update?.references).toEqual([
      commitment.references[2],
      commitment.references[0],
      commitment.references[1],
      { document: 'Kamerstuk 35896-10', kamerstuk: '35896-10' },
    ]);
  });

  it('keeps the attributes the sheet has no column for when it changes one it has', () => {
    const planned = plan(row({ phase: 'Besluitvorming' }));
    expect(planned.plan).toEqual({
      update: {
        attributes: { billOrPolicy: 'Wetsvoorstel', phase: 'decision', leadMinistryId: MINISTRY },
      },
    });
  });
});
