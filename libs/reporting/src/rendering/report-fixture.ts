import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  VERIFICATIONS,
  isClosed,
  type ActionStatus,
} from '@app/tracking';
import type {
  ProgressReport,
  ReportAction,
  ReportHeader,
  ReportLanguage,
  ReportOrganisation,
  ReportTrack,
} from '../progress/progress-report.model';
import { summarise } from './report-fixture.summary';

/**
 * Reports for tests and measurements: a small one with the awkward cases (Dutch characters,
 * markup and quotes in a narrative, no track, a closed action, partner positions) and a
 * generated one of any size that is produced while it is read, so 100,000 actions cost no memory.
 */

const BZK: ReportOrganisation = { id: 'org-bzk', code: 'BZK', name: 'Ministerie van BZK' };
const VNG: ReportOrganisation = {
  id: 'org-vng',
  code: 'VNG',
  name: 'Vereniging van Nederlandse Gemeenten',
};
const IPO: ReportOrganisation = { id: 'org-ipo', code: 'IPO', name: 'Interprovinciaal Overleg' };
const UVW: ReportOrganisation = { id: 'org-uvw', code: 'UVW', name: 'Unie van Waterschappen' };

export const FIXTURE_TRACKS: ReportTrack[] = [
  { id: 'track-1', name: 'Versterken van de bestuurlijke verhoudingen' },
  { id: 'track-2', name: 'Financiën & uitvoerbaarheid' },
];

export const FIXTURE_NARRATIVE =
  'Het "Overhedenoverleg" heeft het advies besproken.\nVolgende stap: <script>alert(\'x\')</script> & co-creatie met gemeenten (≥ 3 sessies) 🚀.';

const base = (
  overrides: Partial<ReportAction> & Pick<ReportAction, 'id' | 'title'>,
): ReportAction => ({
  track: null,
  commitment: null,
  ownerOrganisation: BZK,
  ownerUser: null,
  partners: [],
  deadline: '2026-12-31',
  status: 'in_progress',
  health: 'on_track',
  verification: 'self_reported',
  percentComplete: 0,
  rollupWeight: null,
  overdue: false,
  escalationLevel: null,
  closedAt: null,
  latestNarrative: null,
  lastUpdateAt: null,
  changesSince: null,
  ...overrides,
});

/** The actions of the small report, in report order (track, deadline, title). */
export const FIXTURE_ACTIONS: ReportAction[] = [
  base({
    id: 'a1',
    title: 'Uitvoerbaarheidstoets bij het wetsvoorstel Versterking regie volkshuisvesting',
    track: FIXTURE_TRACKS[0],
    commitment: {
      id: 'c1',
      title: 'UDO Regie op de volkshuisvesting',
      kind: 'udo_trajectory',
      sourceReference: 'Kamerstuk 36 512, nr. 2',
    },
    ownerUser: { id: 'u1', name: 'Eline van Dijk' },
    partners: [
      {
        organisation: VNG,
        role: 'co_owner',
        position: 'supports',
        positionStatedAt: '2026-11-02T10:00:00.000Z',
      },
      {
        organisation: IPO,
        role: 'contributor',
        position: 'concerns',
        positionStatedAt: '2026-11-03T10:00:00.000Z',
      },
    ],
    deadline: '2026-11-01',
    health: 'off_track',
    verification: 'partner_reviewed',
    percentComplete: 40,
    overdue: true,
    escalationLevel: 'official',
    latestNarrative: { text: FIXTURE_NARRATIVE, at: '2026-11-15T14:30:00.000Z' },
    lastUpdateAt: '2026-11-15T14:30:00.000Z',
    changesSince: {
      created: false,
      fields: [{ field: 'health', from: 'at_risk', to: 'off_track' }],
      progressUpdates: 2,
    },
  }),
  base({
    id: 'a2',
    title: 'Reële inschatting van de uitvoeringskosten (coördinatie)',
    track: FIXTURE_TRACKS[0],
    ownerOrganisation: VNG,
    deadline: '2027-03-01',
    status: 'not_started',
    health: 'not_set',
    changesSince: { created: true, fields: [], progressUpdates: 0 },
  }),
  base({
    id: 'a3',
    title: 'Afspraak BOFv over de opschalingskorting',
    track: FIXTURE_TRACKS[1],
    commitment: {
      id: 'c2',
      title: 'Bestuurlijk Overleg Financiële Verhoudingen, voorjaar 2026',
      kind: 'bofv_agreement',
      sourceReference: null,
    },
    partners: [
      {
        organisation: UVW,
        role: 'informed',
        position: 'objects',
        positionStatedAt: '2026-10-20T08:00:00.000Z',
      },
    ],
    deadline: '2026-06-30',
    status: 'met',
    health: 'not_set',
    percentComplete: 100,
    closedAt: '2026-10-12T09:15:00.000Z',
    latestNarrative: {
      text: 'Afgerond; de brief is op 12 oktober verstuurd.',
      at: '2026-10-12T09:15:00.000Z',
    },
    lastUpdateAt: '2026-10-12T09:15:00.000Z',
    changesSince: {
      created: false,
      fields: [{ field: 'status', from: 'in_progress', to: 'met' }],
      progressUpdates: 1,
    },
  }),
  base({
    id: 'a4',
    title: 'Financiële verhoudingen: ijkpunt voor de Voorjaarsnota',
    track: FIXTURE_TRACKS[1],
    ownerOrganisation: IPO,
    deadline: '2026-12-15',
    health: 'at_risk',
    verification: 'verified',
    percentComplete: 65,
    latestNarrative: { text: 'Concept ligt bij de werkgroep.', at: '2026-11-10T16:45:00.000Z' },
    lastUpdateAt: '2026-11-10T16:45:00.000Z',
  }),
  base({
    id: 'a5',
    title: 'Ruimte voor maatwerk (zonder spoor)',
    ownerOrganisation: UVW,
    deadline: '2027-01-31',
    percentComplete: 10,
  }),
];

const header = (lang: ReportLanguage, programmeName: string): ReportHeader => ({
  programme: { id: 'programme-1', name: programmeName },
  asOf: '2026-11-20T09:00:00.000Z',
  since: '2026-10-01T00:00:00.000Z',
  period: { from: '2026-10-01', to: '2026-11-20' },
  reportDate: '2026-11-20',
  generatedAt: '2026-11-20T09:00:05.000Z',
  filters: {},
  lang,
});

/** Actions as a report streams them (like a database cursor); readable more than once. */
const streamOf = (actions: () => Iterable<ReportAction>): AsyncIterable<ReportAction> => ({
  async *[Symbol.asyncIterator]() {
    for (const action of actions()) yield await Promise.resolve(action);
  },
});

/** The small report. Its actions can be read more than once. */
export function reportFixture(lang: ReportLanguage = 'nl'): ProgressReport {
  return {
    header: header(lang, 'Actieagenda Sterk Bestuur'),
    summary: summarise(FIXTURE_ACTIONS, '2026-11-20'),
    actions: streamOf(() => FIXTURE_ACTIONS),
  };
}

const GENERATED_TRACKS: (ReportTrack | null)[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `track-${i + 1}`,
    name: `Spoor ${i + 1}: bestuurlijke samenwerking`,
  })),
  null,
];
const ORGANISATIONS = [BZK, VNG, IPO, UVW];

/** The i-th of `count` generated actions: the same every time, in report (track) order. */
function generatedAction(i: number, count: number): ReportAction {
  const track = GENERATED_TRACKS[Math.floor((i * GENERATED_TRACKS.length) / count)];
  const status: ActionStatus = ACTION_STATUSES[i % 7 < 3 ? 1 : i % ACTION_STATUSES.length];
  const closed = isClosed(status);
  const day = new Date(Date.UTC(2026, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const narrative =
    i % 3 === 0
      ? null
      : {
          text: `Voortgang ${i}: overleg met de koepels gevoerd; "ë" en é blijven staan. `.repeat(
            1 + (i % 4),
          ),
          at: '2026-11-10T12:00:00.000Z',
        };
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Actie ${i + 1}: uitvoering van afspraak ${(i % 97) + 1} uit de Actieagenda Sterk Bestuur`,
    track,
    commitment: null,
    ownerOrganisation: ORGANISATIONS[i % ORGANISATIONS.length],
    ownerUser: null,
    partners: [
      {
        organisation: ORGANISATIONS[(i + 1) % ORGANISATIONS.length],
        role: 'co_owner',
        position: i % 5 === 0 ? 'concerns' : null,
        positionStatedAt: null,
      },
    ],
    deadline: day,
    status,
    health: closed ? 'not_set' : ACTION_HEALTHS[i % ACTION_HEALTHS.length],
    verification: VERIFICATIONS[i % VERIFICATIONS.length],
    percentComplete: closed ? 100 : (i * 7) % 100,
    rollupWeight: i % 10 === 0 ? 3 : null,
    overdue: !closed && day < '2026-11-20',
    escalationLevel: null,
    closedAt: closed ? '2026-10-01T10:00:00.000Z' : null,
    latestNarrative: narrative,
    lastUpdateAt: narrative?.at ?? null,
    changesSince: null,
  };
}

function* generatedActions(count: number): Generator<ReportAction> {
  for (let i = 0; i < count; i++) yield generatedAction(i, count);
}

/** A report of `count` generated actions, made while they are read (for load measurements). */
export function generatedReport(count: number, lang: ReportLanguage = 'nl'): ProgressReport {
  return {
    header: header(lang, 'Gegenereerd programma'),
    summary: summarise(generatedActions(count), '2026-11-20'),
    actions: streamOf(() => generatedActions(count)),
  };
}
