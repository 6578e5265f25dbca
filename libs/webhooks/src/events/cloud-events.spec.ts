import type { FeedEvent } from '@app/audit';
import { cloudEvent, draftsOf, sequenceOf } from './cloud-events';

const API = 'https://tracker.example.nl';
const PROGRAMME = '0b6c7f0e-52a4-4c59-b8a3-6f1d2e9c4a10';
const ACTION = '3f1c2a9e-7b64-4d0e-9a51-2c8f6e4b1d07';

const event = (over: Partial<FeedEvent>): FeedEvent => ({
  sequence: '41',
  occurredAt: new Date('2026-12-03T14:02:10.000Z'),
  actorType: 'user',
  actorId: null,
  operation: 'update',
  entityType: 'action',
  entityId: ACTION,
  programmeId: PROGRAMME,
  changes: null,
  details: null,
  ...over,
});

const types = (logEvent: FeedEvent) => draftsOf(logEvent, API).map((draft) => draft.type);

describe('the CloudEvents of an audit log event', () => {
  it('names what happened to an action', () => {
    expect(types(event({ operation: 'create' }))).toEqual(['nl.sterk-bestuur.action.created']);
    expect(types(event({ changes: { title: { old: 'a', new: 'b' } } }))).toEqual([
      'nl.sterk-bestuur.action.changed',
    ]);
    expect(
      types(
        event({
          operation: 'escalate',
          changes: { escalationLevel: { old: null, new: 'official' } },
        }),
      ),
    ).toEqual(['nl.sterk-bestuur.action.escalated']);
    expect(types(event({ operation: 'overdue', details: { deadline: '2026-12-01' } }))).toEqual([
      'nl.sterk-bestuur.action.overdue',
    ]);
    expect(
      types(event({ changes: { verification: { old: 'partner_reviewed', new: 'verified' } } })),
    ).toEqual(['nl.sterk-bestuur.action.verified']);
  });

  it('makes two events of a progress update that closes the action, in that order', () => {
    const drafts = draftsOf(
      event({
        operation: 'status_change',
        changes: { status: { old: 'in_progress', new: 'met' } },
        details: { progressUpdateId: 'p1' },
      }),
      API,
    );
    expect(drafts.map((draft) => draft.type)).toEqual([
      'nl.sterk-bestuur.action.progress-posted',
      'nl.sterk-bestuur.action.closed',
    ]);
    expect(drafts[0]).toMatchObject({
      subject: ACTION,
      dataref: `${API}/v1/actions/${ACTION}/progress-updates`,
      data: { programmeId: PROGRAMME, actionId: ACTION, progressUpdateId: 'p1' },
    });
    expect(drafts[1].data).toMatchObject({ status: 'met' });
  });

  it("files a comment under its action, with the organisation's position", () => {
    const [draft] = draftsOf(
      event({
        operation: 'create',
        entityType: 'comment',
        entityId: 'c1',
        changes: { body: { new: 'Akkoord.' }, position: { new: 'supports' } },
        details: { actionId: ACTION },
      }),
      API,
    );
    expect(draft).toMatchObject({
      type: 'nl.sterk-bestuur.comment.posted',
      subject: ACTION,
      actionId: ACTION,
      data: { commentId: 'c1', position: 'supports' },
    });
    expect(draft.data).not.toHaveProperty('body');
  });

  it('sends a ready export only to the one who asked for it', () => {
    const [draft] = draftsOf(
      event({
        operation: 'status_change',
        entityType: 'report_export',
        entityId: 'x1',
        changes: { status: { new: 'done' } },
        details: { requestedByUserId: 'u1', format: 'pdf' },
      }),
      API,
    );
    expect(draft).toMatchObject({
      type: 'nl.sterk-bestuur.report-export.ready',
      onlyForUserId: 'u1',
    });
  });

  it('makes nothing of what subscribers do not hear of', () => {
    expect(types(event({ entityType: 'session', operation: 'login' }))).toEqual([]);
    expect(
      types(event({ entityType: 'update_round', changes: { title: { old: 'a', new: 'b' } } })),
    ).toEqual([]);
    expect(types(event({ entityType: 'comment', operation: 'create', details: null }))).toEqual([]);
    expect(types(event({ entityId: null }))).toEqual([]);
  });

  it('writes the CloudEvent with the NL GOV attributes, ordered by the log', () => {
    const logEvent = event({ operation: 'create' });
    const [draft] = draftsOf(logEvent, API);
    const message = cloudEvent({ ...draft, ordinal: 1 }, 'e-1', logEvent, 'urn:nld:systeem:sbt');
    expect(message).toEqual({
      specversion: '1.0',
      id: 'e-1',
      source: 'urn:nld:systeem:sbt',
      type: 'nl.sterk-bestuur.action.created',
      subject: ACTION,
      time: '2026-12-03T14:02:10.000Z',
      datacontenttype: 'application/json',
      dataref: `${API}/v1/actions/${ACTION}`,
      sequence: '0000000000000000041-01',
      data: { programmeId: PROGRAMME, actionId: ACTION, changes: {} },
    });
    expect(sequenceOf('9', 0) < sequenceOf('10', 0)).toBe(true);
  });
});
