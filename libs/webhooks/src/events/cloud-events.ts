import type { FeedEvent } from '@app/audit';
import { apiUrl } from '@app/core';
import type { WebhookEventType } from './webhook-event-types';

/** A CloudEvent 1.0 in the structured JSON mode, following the NL GOV profile. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Where the API serves the resource the event is about. */
  dataref: string;
  /** Orders the events of a source: zero-padded, so the order of the strings is theirs. */
  sequence: string;
  data: Record<string, unknown>;
}

/** An event before it has an id: what one log event means to subscribers. */
export interface EventDraft {
  type: WebhookEventType;
  /** Its place among the events made of one log event (a progress update that closes: 2). */
  ordinal: number;
  /** The subject deliveries are ordered by: the action of an action's or comment's events. */
  subject: string;
  /** The action the event is about, for the filters on track and organisation. */
  actionId: string | null;
  /** Only to this person's subscriptions (a report export: the one who asked for it). */
  onlyForUserId: string | null;
  dataref: string;
  data: Record<string, unknown>;
}

const CLOSED = new Set(['met', 'partially_met', 'lapsed']);

const newValue = (event: FeedEvent, field: string): unknown => event.changes?.[field]?.new;
const oldValue = (event: FeedEvent, field: string): unknown => event.changes?.[field]?.old;
const detail = (event: FeedEvent, field: string): unknown => event.details?.[field];
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The events one audit log event makes, none when it is nothing a subscriber hears of
 * (README "Webhooks" lists the types). Pure: the fan-out calls it on every event it reads.
 */
export function draftsOf(event: FeedEvent, publicUrl: string): Omit<EventDraft, 'ordinal'>[] {
  const id = event.entityId;
  const url = (...segments: string[]) => apiUrl(publicUrl, ...segments);
  if (!id) return [];
  const base = { programmeId: event.programmeId };
  const changes = event.changes ?? {};
  switch (event.entityType) {
    case 'action': {
      const action = (type: WebhookEventType, data: Record<string, unknown> = {}) => ({
        type,
        subject: id,
        actionId: id,
        onlyForUserId: null,
        dataref: url('actions', id),
        data: { ...base, actionId: id, ...data },
      });
      if (event.operation === 'create')
        return [action('nl.sterk-bestuur.action.created', { changes })];
      if (event.operation === 'escalate') {
        return [
          action('nl.sterk-bestuur.action.escalated', {
            escalationLevel: newValue(event, 'escalationLevel') ?? null,
            previousLevel: oldValue(event, 'escalationLevel') ?? null,
          }),
        ];
      }
      if (event.operation === 'attachment_added' || event.operation === 'attachment_removed') {
        return [
          action('nl.sterk-bestuur.action.changed', {
            [event.operation === 'attachment_added' ? 'attachmentAdded' : 'attachmentRemoved']:
              detail(event, 'attachment') ?? null,
          }),
        ];
      }
      if (event.operation === 'overdue') {
        return [
          action('nl.sterk-bestuur.action.overdue', {
            deadline: detail(event, 'deadline') ?? null,
          }),
        ];
      }
      const drafts: Omit<EventDraft, 'ordinal'>[] = [];
      const progressUpdateId = text(detail(event, 'progressUpdateId'));
      if (progressUpdateId) {
        drafts.push({
          ...action('nl.sterk-bestuur.action.progress-posted', { progressUpdateId, changes }),
          dataref: url('actions', id, 'progress-updates'),
        });
      } else if (newValue(event, 'verification') === 'verified') {
        drafts.push(action('nl.sterk-bestuur.action.verified', { changes }));
      } else {
        drafts.push(action('nl.sterk-bestuur.action.changed', { changes }));
      }
      const status = newValue(event, 'status');
      if (typeof status === 'string' && CLOSED.has(status)) {
        drafts.push(action('nl.sterk-bestuur.action.closed', { status }));
      }
      return drafts;
    }
    case 'comment': {
      const actionId = text(detail(event, 'actionId'));
      if (event.operation !== 'create' || !actionId) return [];
      return [
        {
          type: 'nl.sterk-bestuur.comment.posted',
          subject: actionId,
          actionId,
          onlyForUserId: null,
          dataref: url('actions', actionId, 'comments'),
          data: {
            ...base,
            actionId,
            commentId: id,
            position: newValue(event, 'position') ?? null,
          },
        },
      ];
    }
    case 'commitment': {
      const attachment =
        event.operation === 'attachment_added'
          ? { attachmentAdded: detail(event, 'attachment') ?? null }
          : event.operation === 'attachment_removed'
            ? { attachmentRemoved: detail(event, 'attachment') ?? null }
            : undefined;
      if (event.operation !== 'create' && event.operation !== 'update' && !attachment) return [];
      return [
        {
          type:
            event.operation === 'create'
              ? 'nl.sterk-bestuur.commitment.created'
              : 'nl.sterk-bestuur.commitment.changed',
          subject: id,
          actionId: null,
          onlyForUserId: null,
          dataref: url('commitments', id),
          data: { ...base, commitmentId: id, ...(attachment ?? { changes }) },
        },
      ];
    }
    case 'update_round': {
      const opened = event.operation === 'create';
      if (!opened && newValue(event, 'state') !== 'cancelled') return [];
      return [
        {
          type: opened
            ? 'nl.sterk-bestuur.update-round.opened'
            : 'nl.sterk-bestuur.update-round.closed',
          subject: id,
          actionId: null,
          onlyForUserId: null,
          dataref: url('programmes', event.programmeId, 'update-rounds', id),
          data: opened
            ? {
                ...base,
                roundId: id,
                title: newValue(event, 'title') ?? null,
                dueDate: newValue(event, 'dueDate') ?? null,
              }
            : { ...base, roundId: id, state: 'cancelled' },
        },
      ];
    }
    case 'report_export': {
      const requester = text(detail(event, 'requestedByUserId'));
      if (
        event.operation !== 'status_change' ||
        newValue(event, 'status') !== 'done' ||
        !requester
      ) {
        return [];
      }
      return [
        {
          type: 'nl.sterk-bestuur.report-export.ready',
          subject: id,
          actionId: null,
          onlyForUserId: requester,
          dataref: url('report-exports', id),
          data: { ...base, exportId: id, format: detail(event, 'format') ?? null },
        },
      ];
    }
    default:
      return [];
  }
}

/** The zero-padded `sequence` attribute: the log's number, then the event's place in it. */
export const sequenceOf = (logSequence: string, ordinal: number): string =>
  `${logSequence.padStart(19, '0')}-${String(ordinal).padStart(2, '0')}`;

/** The CloudEvent of a draft, with its id (stable across every attempt to deliver it). */
export function cloudEvent(
  draft: EventDraft,
  id: string,
  logEvent: Pick<FeedEvent, 'sequence' | 'occurredAt'>,
  source: string,
): CloudEvent {
  return {
    specversion: '1.0',
    id,
    source,
    type: draft.type,
    subject: draft.subject,
    time: logEvent.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    dataref: draft.dataref,
    sequence: sequenceOf(logEvent.sequence, draft.ordinal),
    data: draft.data,
  };
}
