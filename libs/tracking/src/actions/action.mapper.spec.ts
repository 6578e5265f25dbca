import type { ActionEntity } from './action.entity';
import { mapAction, mapActionWith } from './action.mapper';
import { rollupOf, sumsOfAction } from '../rollups/rollup';

const action: ActionEntity = {
  id: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  programmeId: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  trackId: null,
  commitmentId: null,
  parentActionId: null,
  title: 'Beleidskader opstellen',
  description: '',
  ownerOrganisationId: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  ownerUserId: null,
  startDate: null,
  deadline: '2026-03-31',
  status: 'in_progress',
  health: 'at_risk',
  verification: 'self_reported',
  percentComplete: 60,
  rollupWeight: null,
  escalationLevel: null,
  closedAt: null,
  tags: ['beleidskader'],
  public: false,
  latestNarrative: null,
  version: 7,
  createdAt: new Date('2026-01-15T09:30:00.123Z'),
  updatedAt: new Date('2026-11-24T10:12:31.456Z'),
};
const owner = { id: action.ownerOrganisationId, code: 'BZK', name: 'Ministerie van BZK' };
const partner = {
  organisationId: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  code: 'VNG',
  name: 'Vereniging van Nederlandse Gemeenten',
  role: 'contributor' as const,
};
const rollup = rollupOf(
  sumsOfAction({
    status: 'in_progress',
    health: 'on_track',
    percentComplete: 40,
    rollupWeight: null,
    overdue: false,
  }),
);

describe('mapActionWith (one read) and mapAction (a page read beside its decorations)', () => {
  it('answer the same response from the same facts', () => {
    const fromRead = mapActionWith(
      action,
      {
        owner,
        partners: [partner],
        // As PostgreSQL's JSON answers an instant: microseconds and an offset.
        positions: [
          {
            organisationId: partner.organisationId,
            position: 'concerns',
            commentedAt: '2026-07-15T15:04:22.123456+02:00',
          },
        ],
        rollup,
      },
      '2026-12-06',
    );
    const fromPage = mapAction(action, {
      organisations: new Map([[owner.id, owner]]),
      partners: [
        { ...partner, actionId: action.id },
        { ...partner, actionId: 'another', code: 'IPO' },
      ],
      positions: [
        {
          actionId: action.id,
          organisationId: partner.organisationId,
          position: 'concerns',
          commentedAt: new Date('2026-07-15T13:04:22.123Z'),
        },
      ],
      rollups: new Map([[action.id, rollup]]),
      today: '2026-12-06',
    });
    expect(fromRead).toEqual(fromPage);
    expect(fromRead).toMatchObject({
      ownerOrganisation: owner,
      partners: [
        { organisation: { id: partner.organisationId, code: 'VNG' }, role: 'contributor' },
      ],
      positions: [{ statedAt: '2026-07-15T13:04:22.123Z' }],
      rollup: { total: 1, percentComplete: 40 },
      overdue: true,
      closedAt: null,
      createdAt: '2026-01-15T09:30:00.123Z',
    });
    // Links are the API's (apps/api/src/http/links.ts).
    expect(fromRead).not.toHaveProperty('_links');
  });

  it('names only the id of an owner it was not given, and no roll-up without sub-actions', () => {
    const response = mapActionWith(
      { ...action, closedAt: new Date('2026-12-01T08:00:00Z'), status: 'met' },
      { owner: undefined, partners: [], positions: [], rollup: null },
      '2026-12-06',
    );
    expect(response).toMatchObject({
      ownerOrganisation: { id: action.ownerOrganisationId, code: '', name: '' },
      rollup: null,
      overdue: false,
      closedAt: '2026-12-01T08:00:00.000Z',
    });
  });
});
