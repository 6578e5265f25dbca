import type { SpreadsheetAction } from '@app/tracking';
import { ACTION_COLUMNS } from '../sheet/action-columns';
import { ProgrammeNames } from '../sheet/programme-names';
import type { RawRow } from '../sheet/raw-cells';
import { actionSheetValues } from '../sheet/row-values';
import { planActionRow, type PlanContext } from './action-row.planner';
import { CommitmentFinder } from './file-commitments';
import { RowCells } from './row-cells';
import { layoutOf } from './sheet-layout';

const ORG = { id: '00000000-0000-4000-8000-000000000001', code: 'BZK', name: 'Ministerie van BZK' };
const VNG = {
  id: '00000000-0000-4000-8000-000000000002',
  code: 'VNG',
  name: 'Vereniging van Nederlandse Gemeenten',
};
const TRACK = { id: '00000000-0000-4000-8000-000000000010', name: 'Onderlinge samenwerking' };
const USER = '00000000-0000-4000-8000-000000000020';

const names = new ProgrammeNames({
  organisations: [ORG, VNG],
  tracks: [TRACK],
  members: [
    { userId: USER, organisationId: ORG.id, role: 'editor', email: 'an@bzk.nl', displayName: 'An' },
  ],
  commitments: [],
  references: [
    { sheet: 'actions', reference: 'A-7', entityId: '00000000-0000-4000-8000-0000000000a1' },
  ],
});

const action: SpreadsheetAction = {
  id: '00000000-0000-4000-8000-0000000000a1',
  version: 4,
  title: 'Handreiking',
  description: 'Voor gemeenten',
  trackId: TRACK.id,
  commitmentId: null,
  ownerOrganisationId: ORG.id,
  ownerUserId: USER,
  partners: [{ organisationId: VNG.id, role: 'co_owner' }],
  startDate: '2026-01-15',
  deadline: '2027-06-30',
  status: 'in_progress',
  health: 'at_risk',
  percentComplete: 40,
  latestNarrative: 'Loopt',
  tags: ['wetgeving', 'route-35'],
  public: true,
};

const context: PlanContext = {
  programmeId: '00000000-0000-4000-8000-0000000000ff',
  names,
  commitments: new CommitmentFinder(names),
  now: new Date('2026-12-05T12:00:00Z'),
  defaultNarrative: 'Bijgewerkt met de spreadsheet-import.',
};

/** The filled workbook's row of the action, as text cells, with some cells changed. */
function row(changes: Record<string, string | null> = {}, columns = ACTION_COLUMNS) {
  const values = { ...actionSheetValues(action, names, 'nl'), ...changes };
  const header: RawRow = {
    sheet: 'Acties',
    rowNumber: 1,
    cells: columns.map((c) => ({ kind: 'text' as const, text: c.header.nl })),
  };
  const raw: RawRow = {
    sheet: 'Acties',
    rowNumber: 2,
    cells: columns.map((c) => {
      const value = values[c.field];
      return value === null || value === undefined
        ? null
        : { kind: 'text' as const, text: String(value) };
    }),
  };
  return new RowCells(layoutOf(header)!, raw, 'nl');
}

interface Given {
  existing?: SpreadsheetAction | null;
  sheetVersion?: number | null;
}

const plan = (cells: RowCells, given: Given = {}) =>
  planActionRow(
    cells,
    {
      existing: given.existing === null ? undefined : (given.existing ?? action),
      sheetVersion: given.sheetVersion === undefined ? 4 : given.sheetVersion,
      reference: 'A-7',
      referenceChanged: false,
    },
    context,
  );

describe('planning an action row', () => {
  it('finds the filled workbook’s own row unchanged, every field read back as written', () => {
    const planned = plan(row());
    expect(planned.errors).toBeNull();
    expect(planned.outcome).toBe('unchanged');
  });

  it('plans a change of the fields that differ, through the API’s names', () => {
    const planned = plan(
      row({ title: 'Handreiking 2.0', track: 'onderlinge  SAMENWERKING', ownerUser: null }),
    );
    expect(planned.outcome).toBe('update');
    expect(planned.changes).toEqual([
      { field: 'title', column: 'Titel', from: 'Handreiking', to: 'Handreiking 2.0' },
      { field: 'ownerUser', column: 'Eigenaar (trekker, e-mail)', from: 'an@bzk.nl', to: null },
    ]);
    expect(planned.plan).toEqual({ update: { title: 'Handreiking 2.0', ownerUserId: null } });
  });

  it('is a conflict when the action moved on since the row’s version and the row differs', () => {
    const planned = plan(row({ title: 'Handreiking 2.0' }), {
      existing: { ...action, version: 5 },
    });
    expect(planned.outcome).toBe('conflict');
    expect(planned.conflicts).toEqual([
      { field: 'title', column: 'Titel', from: 'Handreiking', to: 'Handreiking 2.0' },
    ]);
    expect(plan(row(), { existing: { ...action, version: 5 } }).outcome).toBe('unchanged');
  });

  it('asks for a reason where the rules do, at the reason’s column', () => {
    const moved = plan(row({ deadline: '30-09-2027' }));
    expect(moved.outcome).toBe('error');
    expect(moved.errors).toEqual([
      expect.objectContaining({
        field: 'reason',
        column: 'Reden wijziging',
        code: 'REASON_REQUIRED',
      }),
    ]);
    const explained = plan(row({ deadline: '30-09-2027', reason: 'Later besluit' }));
    expect(explained.plan).toEqual({ update: { deadline: '2027-09-30', reason: 'Later besluit' } });
    const lapsed = plan(row({ status: 'Vervallen' }));
    expect(lapsed.errors?.[0]).toMatchObject({ field: 'reason', code: 'REASON_REQUIRED' });
  });

  it('reports a move the status machine forbids at the status cell', () => {
    const planned = plan(row({ status: 'Niet gestart', reason: 'Terug' }));
    expect(planned.errors?.[0]).toMatchObject({ field: 'status', code: 'INVALID_TRANSITION' });
  });

  it('keeps status, health and progress when their cells are empty, and clears the others', () => {
    const planned = plan(
      row({
        status: null,
        health: null,
        percentComplete: null,
        narrative: null,
        description: null,
        tags: null,
      }),
    );
    expect(planned.outcome).toBe('update');
    expect(planned.plan).toEqual({ update: { description: '', tags: [] } });
  });

  it('writes a progress update for a new status, with the sheet’s note or the import’s', () => {
    const planned = plan(row({ percentComplete: '60' }));
    expect(planned.plan).toEqual({
      progress: { percentComplete: 60, narrative: 'Bijgewerkt met de spreadsheet-import.' },
    });
    const noted = plan(row({ percentComplete: '60', narrative: 'Tweede fase' }));
    expect(noted.plan?.progress).toEqual({ percentComplete: 60, narrative: 'Tweede fase' });
  });

  it('says unknown partners in one error for their cell, quoting at most 100 characters', () => {
    const partners = Array.from({ length: 50 }, (_, i) => `ORG${i}`).join('; ');
    const long = 'Spoor '.repeat(5_000);
    const planned = plan(row({ partners, track: long, ownerUser: `${'x'.repeat(30_000)}@a.nl` }));
    expect(planned.errors?.map((e) => [e.field, e.code])).toEqual([
      ['track', 'UNKNOWN_TRACK'],
      ['ownerUser', 'UNKNOWN_PERSON'],
      ['partners', 'UNKNOWN_ORGANISATION'],
    ]);
    expect(planned.errors?.[2].reason).toContain('"ORG0; ORG1; ORG2;');
    for (const error of planned.errors ?? []) expect(error.reason.length).toBeLessThan(200);
  });

  it('says every problem of a new row at once, a missing column included', () => {
    const columns = ACTION_COLUMNS.filter((c) => c.field !== 'track');
    const planned = plan(
      row(
        {
          key: null,
          version: null,
          title: null,
          ownerOrganisation: 'ABC',
          deadline: '31-02-2027',
          partners: 'BZK',
        },
        columns,
      ),
      { existing: null, sheetVersion: null },
    );
    expect(planned.outcome).toBe('error');
    expect(planned.errors?.map((e) => [e.field, e.code])).toEqual([
      ['deadline', 'INVALID_DATE'],
      ['title', 'REQUIRED'],
      ['ownerOrganisation', 'UNKNOWN_ORGANISATION'],
      ['track', 'REQUIRED_COLUMN'],
      // A new action at risk from the start: that needs its reason too.
      ['reason', 'REASON_REQUIRED'],
    ]);
    expect(planned.errors?.find((e) => e.field === 'track')).toMatchObject({
      column: 'Spoor',
      columnLetter: null,
    });
  });
});
