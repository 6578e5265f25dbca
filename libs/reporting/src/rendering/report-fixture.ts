import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  ESCALATION_FILTER_VALUES,
  addRollupSums,
  emptyRollupSums,
  rollupOf,
  type RollupSums,
  sumsOfAction,
  VERIFICATIONS,
  isClosed,
  type ActionHealth,
  type ActionStatus,
  type Verification,
} from '@app/tracking';
import type {
  ProgressReport,
  ReportAction,
  ReportHeader,
  ReportLanguage,
  ReportOrganisation,
  ReportSummary,
  ReportTrack,
} from '../progress/progress-report.model';

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

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The summary of a list of actions, counted the simple way (test data only). */
export function summarise(actions: Iterable<ReportAction>, reportDate: string): ReportSummary {
  const s: ReportSummary = {
    total: 0,
    open: 0,
    closed: 0,
    byStatus: zeros(ACTION_STATUSES),
    byHealth: zeros<ActionHealth>(ACTION_HEALTHS),
    byStatusAndHealth: [],
    byTrack: [],
    byCommitmentKind: [],
    byCommitment: [],
    byOwnerOrganisation: [],
    byVerification: zeros<Verification>(VERIFICATIONS),
    byEscalationLevel: zeros(ESCALATION_FILTER_VALUES),
    overdue: 0,
    completedInPeriod: 0,
    deadlinesNext30Days: 0,
    deadlinesNext90Days: 0,
    openUpdatedLast30Days: { open: 0, updated: 0, share: null },
  };
  const trackSums = new Map<string | null, RollupSums>();
  const commitmentSums = new Map<string | null, RollupSums>();
  const commitmentNames = new Map<string | null, ReportAction['commitment']>();
  const in30 = new Date(Date.parse(reportDate) + 30 * 86_400_000).toISOString().slice(0, 10);
  const in90 = new Date(Date.parse(reportDate) + 90 * 86_400_000).toISOString().slice(0, 10);
  const ago30 = new Date(Date.parse(reportDate) - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const a of actions) {
    const open = !isClosed(a.status);
    s.total++;
    s[open ? 'open' : 'closed']++;
    s.byStatus[a.status]++;
    if (open) s.byHealth[a.health]++;
    s.byVerification[a.verification]++;
    if (open) s.byEscalationLevel[a.escalationLevel ?? 'none']++;
    if (a.overdue) s.overdue++;
    if (a.status === 'met' || a.status === 'partially_met') s.completedInPeriod++;
    if (open && a.deadline >= reportDate && a.deadline <= in30) s.deadlinesNext30Days++;
    if (open && a.deadline >= reportDate && a.deadline <= in90) s.deadlinesNext90Days++;
    const cell = s.byStatusAndHealth.find((c) => c.status === a.status && c.health === a.health);
    if (cell) cell.count++;
    else s.byStatusAndHealth.push({ status: a.status, health: a.health, count: 1 });
    let track = s.byTrack.find((t) => t.track?.id === a.track?.id);
    if (!track) {
      track = {
        track: a.track,
        total: 0,
        open: 0,
        overdue: 0,
        byStatus: zeros(ACTION_STATUSES),
        rollup: rollupOf(emptyRollupSums()),
      };
      s.byTrack.push(track);
    }
    track.total++;
    if (open) track.open++;
    if (a.overdue) track.overdue++;
    track.byStatus[a.status]++;
    const trackKey = a.track?.id ?? null;
    trackSums.set(
      trackKey,
      addRollupSums(trackSums.get(trackKey) ?? emptyRollupSums(), sumsOfAction(a)),
    );
    const commitmentKey = a.commitment?.id ?? null;
    if (!commitmentSums.has(commitmentKey)) commitmentNames.set(commitmentKey, a.commitment);
    commitmentSums.set(
      commitmentKey,
      addRollupSums(commitmentSums.get(commitmentKey) ?? emptyRollupSums(), sumsOfAction(a)),
    );
    const kind = a.commitment?.kind ?? null;
    const byKind = s.byCommitmentKind.find((k) => k.kind === kind);
    if (byKind) byKind.count++;
    else s.byCommitmentKind.push({ kind, count: 1 });
    let owner = s.byOwnerOrganisation.find((o) => o.organisation.id === a.ownerOrganisation.id);
    if (!owner) {
      owner = { organisation: a.ownerOrganisation, count: 0, open: 0, overdue: 0 };
      s.byOwnerOrganisation.push(owner);
    }
    owner.count++;
    if (open) owner.open++;
    if (a.overdue) owner.overdue++;
    if (open) {
      s.openUpdatedLast30Days.open++;
      if (a.lastUpdateAt && a.lastUpdateAt.slice(0, 10) >= ago30) s.openUpdatedLast30Days.updated++;
    }
  }
  for (const track of s.byTrack) track.rollup = rollupOf(trackSums.get(track.track?.id ?? null)!);
  s.byCommitment = [...commitmentSums.entries()].map(([id, sums]) => {
    const c = commitmentNames.get(id);
    return {
      commitment: c ? { id: c.id, title: c.title, kind: c.kind } : null,
      rollup: rollupOf(sums),
    };
  });
  const { open, updated } = s.openUpdatedLast30Days;
  s.openUpdatedLast30Days.share = open === 0 ? null : updated / open;
  return s;
}
