import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import {
  CLOSED_STATUSES,
  CreateActionDto,
  CreateCommentDto,
  CreateCommitmentDto,
  CreateProgressUpdateDto,
} from '@app/tracking';
import { DEMO_USERS } from '../demo-users';
import { ORGANISATIONS } from '../identity.seed';
import { ACTIONS, COMMITMENTS } from './data';
import { commentTime, deriveAction } from './derive';
import { actionId, seedId } from './ids';
import { storedAttributes } from './insert-commitments';
import type { CommitmentAttributes } from './types';

// The rules the demo data must keep, checked without a database: the schema's CHECKs, the
// API's attribute keys, and DESIGN §2 as the seed applies it.
const TODAY = '2026-11-23';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KAMERSTUK = /^[0-9]{2,6}(-[A-Z0-9]{1,10}){1,3}$/;
const UUID = '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10';

/** What the API's request validation refuses in `plain`, as `name: constraint` lines. */
function refused<T extends object>(type: new () => T, plain: object): string[] {
  const lines = (errors: ValidationError[], parent = ''): string[] =>
    errors.flatMap((error) => {
      const name = parent ? `${parent}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).map((reason) => `${name}: ${reason}`);
      return [...own, ...lines(error.children ?? [], name)];
    });
  return lines(
    validateSync(plainToInstance(type, plain), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    }),
  );
}
const kinds = new Map(ORGANISATIONS.map((o) => [o.code, o.kind]));
const users = new Map(DEMO_USERS.map((u) => [u.email, u]));
const derived = new Map(ACTIONS.map((action) => [action.key, deriveAction(action)]));
const commitmentKeys = new Set(COMMITMENTS.map((c) => c.key));

const ATTRIBUTE_KEYS: Record<CommitmentAttributes['kind'], string[]> = {
  udo_trajectory: ['billOrPolicy', 'leadMinistry', 'phase', 'outcome'],
  bofv_agreement: ['meetingDate', 'financialEffect'],
  overhedenoverleg_agreement: ['meetingDate'],
  rob_recommendation: ['adviceTitle', 'recommendationNumber', 'cabinetResponse'],
  parliamentary_pledge: ['chamber', 'pledgeNumber', 'ministerTitle'],
  agenda_item: [],
};

describe('Actieagenda demo data', () => {
  it('has at least 30 commitments of all six kinds, each with a valid source reference', () => {
    expect(COMMITMENTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(COMMITMENTS.map((c) => c.attributes.kind))).toEqual(
      new Set(Object.keys(ATTRIBUTE_KEYS)),
    );
    expect(commitmentKeys.size).toBe(COMMITMENTS.length);
    for (const c of COMMITMENTS) {
      expect({ key: c.key, references: c.references.length > 0 }).toEqual({
        key: c.key,
        references: true,
      });
      expect(c.title.length).toBeLessThanOrEqual(300);
      if (c.dateAgreed) expect(c.dateAgreed).toMatch(ISO_DATE);
      for (const reference of c.references) {
        expect(reference.document.length).toBeLessThanOrEqual(300);
        if (reference.kamerstuk) expect(reference.kamerstuk).toMatch(KAMERSTUK);
        if (reference.url) expect(reference.url).toMatch(/^https?:\/\//);
        if (reference.date) expect(reference.date).toMatch(ISO_DATE);
      }
      for (const party of c.parties) expect(kinds.has(party)).toBe(true);
    }
  });

  it('gives every kind exactly the attribute keys the API validates, with valid values', () => {
    for (const c of COMMITMENTS) {
      const a = c.attributes;
      const keys = Object.keys(a).filter((name) => name !== 'kind');
      expect(ATTRIBUTE_KEYS[a.kind]).toEqual(expect.arrayContaining(keys));
      if (a.kind === 'udo_trajectory' && a.leadMinistry)
        expect(kinds.get(a.leadMinistry)).toBe('ministry');
      if (a.kind === 'bofv_agreement' || a.kind === 'overhedenoverleg_agreement')
        expect(a.meetingDate).toMatch(ISO_DATE);
      if (a.kind === 'bofv_agreement' && a.financialEffect) {
        expect(Number.isInteger(a.financialEffect.amountEuroPerYear)).toBe(true);
        expect(Number.isInteger(a.financialEffect.fromYear)).toBe(true);
      }
      if (a.kind === 'rob_recommendation')
        expect(Number.isInteger(a.recommendationNumber)).toBe(true);
    }
  });

  it('passes the request validation of the API: commitments, actions, updates, comments', () => {
    const fake = (name: string) => seedId(UUID, name);
    const ids = new Map(ORGANISATIONS.map((o) => [o.code, fake(o.code)]));
    for (const c of COMMITMENTS) {
      const body = {
        programmeId: UUID,
        kind: c.attributes.kind,
        title: c.title,
        description: c.description,
        dateAgreed: c.dateAgreed,
        attributes: storedAttributes(c, ids),
        parties: c.parties.map(fake),
        references: c.references,
        lineage: (c.lineage ?? []).map((link) => ({
          relation: link.relation,
          commitmentId: fake(link.earlier),
        })),
      };
      expect({ key: c.key, refused: refused(CreateCommitmentDto, body) }).toEqual({
        key: c.key,
        refused: [],
      });
    }
    for (const action of ACTIONS) {
      const body = {
        programmeId: UUID,
        trackId: UUID,
        ...(action.commitment && { commitmentId: UUID }),
        ...(action.parent && { parentActionId: UUID }),
        title: action.title,
        description: action.description,
        ownerOrganisationId: UUID,
        ...(action.ownerUser && { ownerUserId: UUID }),
        ...(action.startDate && { startDate: action.startDate }),
        deadline: action.deadline,
        partners: Object.entries(action.partners ?? {}).map(([code, role]) => ({
          organisationId: fake(code),
          role,
        })),
        tags: action.tags,
      };
      const problems = [
        ...refused(CreateActionDto, body),
        ...action.updates.flatMap((u) =>
          refused(CreateProgressUpdateDto, {
            narrative: u.narrative,
            ...(u.reason && { reason: u.reason }),
          }),
        ),
        ...(action.comments ?? []).flatMap((comment) =>
          refused(CreateCommentDto, {
            body: comment.body,
            ...(comment.position && { position: comment.position }),
          }),
        ),
      ];
      expect({ key: action.key, problems }).toEqual({ key: action.key, problems: [] });
    }
  });

  it('points lineage only backwards, to an existing commitment', () => {
    const seen = new Set<string>();
    for (const c of COMMITMENTS) {
      for (const link of c.lineage ?? []) expect(seen.has(link.earlier)).toBe(true);
      seen.add(c.key);
    }
    expect(COMMITMENTS.some((c) => (c.lineage ?? []).length > 0)).toBe(true);
  });

  it('has at least 40 actions with known owners, partners, commitments and parents', () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ACTIONS.map((a) => a.key)).size).toBe(ACTIONS.length);
    expect(new Set(ACTIONS.map((a) => a.track))).toEqual(new Set([0, 1, 2, 3]));
    const seen = new Map<string, (typeof ACTIONS)[number]>();
    for (const action of ACTIONS) {
      expect(kinds.has(action.owner)).toBe(true);
      if (action.commitment) expect(commitmentKeys.has(action.commitment)).toBe(true);
      if (action.ownerUser) {
        const owner = users.get(action.ownerUser);
        expect({ key: action.key, org: owner?.organisationCode, role: owner?.role }).toEqual({
          key: action.key,
          org: action.owner,
          role: 'editor',
        });
      }
      for (const code of Object.keys(action.partners ?? {})) {
        expect(kinds.has(code)).toBe(true);
        expect(code).not.toBe(action.owner);
      }
      if (action.parent) {
        const parent = seen.get(action.parent);
        expect({ key: action.key, parentFound: !!parent, nested: !!parent?.parent }).toEqual({
          key: action.key,
          parentFound: true,
          nested: false,
        });
      }
      for (const comment of action.comments ?? []) {
        const author = users.get(comment.by);
        expect(['liaison', 'coordinator', 'editor']).toContain(author?.role);
        // A position is a partner organisation's stance (DESIGN §2).
        if (comment.position) expect(action.partners?.[author!.organisationCode]).toBeDefined();
      }
      for (const update of action.updates) {
        if (update.by) expect(users.has(update.by)).toBe(true);
      }
      seen.set(action.key, action);
    }
    expect(ACTIONS.filter((a) => a.parent).length).toBeGreaterThanOrEqual(3);
  });

  it('follows the rules of DESIGN §2 in every action state', () => {
    for (const action of ACTIONS) {
      const { state, timeline, createdAt, updatedAt } = derived.get(action.key)!;
      const closed = CLOSED_STATUSES.includes(state.status);
      const context = { key: action.key };
      expect({ ...context, closed: state.closedAt !== null }).toEqual({ ...context, closed });
      if (closed)
        expect({ ...context, health: state.health }).toEqual({ ...context, health: 'not_set' });
      else
        expect({ ...context, verification: state.verification }).toEqual({
          ...context,
          verification: 'self_reported',
        });
      if (state.status === 'met') expect(state.percentComplete).toBe(100);
      if (
        ['at_risk', 'off_track'].includes(state.health) ||
        ['partially_met', 'lapsed'].includes(state.status)
      ) {
        expect({ ...context, reasoned: timeline.some((entry) => !!entry.seed.reason) }).toEqual({
          ...context,
          reasoned: true,
        });
      }
      if (action.startDate) expect(action.startDate <= state.deadline).toBe(true);
      expect(createdAt.toISOString() <= `${TODAY}T00:00:00.000Z`).toBe(true);
      expect(
        timeline.every((entry) => entry.at >= createdAt && entry.at.toISOString() < TODAY),
      ).toBe(true);
      expect(updatedAt >= createdAt).toBe(true);
      (action.comments ?? []).forEach((comment, index) =>
        expect(commentTime(comment.on, index) >= createdAt).toBe(true),
      );
    }
  });

  it('spreads statuses, health, verification and deadlines like a living agenda', () => {
    const states = [...derived.values()].map((d) => d.state);
    const open = states.filter((s) => !CLOSED_STATUSES.includes(s.status));
    for (const status of ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'])
      expect(states.some((s) => s.status === status)).toBe(true);
    for (const health of ['on_track', 'at_risk', 'off_track'])
      expect(open.some((s) => s.health === health)).toBe(true);
    for (const verification of ['self_reported', 'partner_reviewed', 'verified'])
      expect(states.some((s) => s.verification === verification)).toBe(true);
    expect(open.filter((s) => s.deadline < TODAY).length).toBeGreaterThanOrEqual(3);
    for (const year of ['2024', '2025', '2026', '2027'])
      expect(states.some((s) => s.deadline.startsWith(year))).toBe(true);
    const positions = ACTIONS.flatMap((a) => (a.comments ?? []).map((c) => c.position));
    for (const position of ['supports', 'concerns', 'objects'])
      expect(positions).toContain(position);
  });

  it('derives stable version-5 UUIDs per programme', () => {
    const id = seedId('00000000-0000-4000-8000-000000000000', 'action/x');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seedId('00000000-0000-4000-8000-000000000000', 'action/x')).toBe(id);
    expect(actionId('00000000-0000-4000-8000-000000000001', 'x')).not.toBe(id);
  });
});

describe('demo users', () => {
  it('cover every programme role in BZK, VNG, IPO and UvW', () => {
    for (const code of ['BZK', 'VNG', 'IPO', 'UVW'])
      for (const role of ['coordinator', 'editor', 'liaison', 'viewer'])
        expect(DEMO_USERS.some((u) => u.organisationCode === code && u.role === role)).toBe(true);
  });
});
