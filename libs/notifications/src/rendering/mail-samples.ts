import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPayload,
  type NotificationReason,
} from '../notification-kinds';
import { itemLink, type MailItem, type MailPages } from './mail-message';

/**
 * One example of every kind of notification, as the product makes them: for the tests of the
 * texts and the e-mails (unit and browser) and to look at a message without sending it.
 */
export const SAMPLE_ACTION_ID = '0194f3c2-7b1e-7c4a-9d2e-5f6a7b8c9d0e';

const action: NotificationPayload = {
  actionTitle: 'Gezamenlijk beleidskader voor de uitvoering van de Participatiewet',
  deadline: '2026-12-15',
  ownerOrganisation: 'BZK',
};

const SAMPLES: Record<
  NotificationKind,
  { reason: NotificationReason; payload: NotificationPayload }
> = {
  deadline_upcoming: { reason: 'owner', payload: { ...action, daysBefore: 14 } },
  deadline_today: { reason: 'owner', payload: action },
  overdue: { reason: 'owner_organisation', payload: action },
  stale: { reason: 'owner', payload: { ...action, staleDays: 30 } },
  update_request: {
    reason: 'owner',
    payload: {
      ...action,
      roundTitle: 'Voortgangsrapportage voorjaar',
      roundDueDate: '2026-12-01',
      roundMessage: 'Graag een toelichting per actie.',
    },
  },
  update_reminder: {
    reason: 'owner',
    payload: { ...action, roundTitle: 'Voortgangsrapportage voorjaar', roundDueDate: '2026-12-01' },
  },
  escalation: {
    reason: 'escalation_contact',
    payload: { ...action, level: 'administrative', previousLevel: 'official' },
  },
  de_escalation: {
    reason: 'escalation_contact',
    payload: { ...action, previousLevel: 'overhedenoverleg' },
  },
  status_changed: {
    reason: 'coordinator',
    payload: { ...action, status: 'partially_met', actorName: 'Coördinator BZK' },
  },
  assigned: { reason: 'owner', payload: { ...action, actorName: 'Coördinator BZK' } },
  partner_position: {
    reason: 'owner',
    payload: {
      ...action,
      organisationCode: 'VNG',
      position: 'concerns',
      excerpt: 'De planning is krap voor de gemeenten.',
      actorName: 'Redacteur VNG',
    },
  },
  mention: {
    reason: 'mentioned',
    payload: { ...action, actorName: 'Redacteur VNG', excerpt: 'Kunt u hiernaar kijken?' },
  },
  report_ready: {
    reason: 'requester',
    payload: { reportFormat: 'pdf', reportFilename: 'voortgang-2026-12-06.pdf' },
  },
  webhook_disabled: {
    reason: 'webhook_owner',
    payload: { webhookUrl: 'https://ontvanger.example.nl/events' },
  },
};

/** A sample of `kind`, its payload changed by `payload`, linked to the pages under `pages`. */
export function sampleMailItem(
  kind: NotificationKind,
  pages: MailPages,
  payload: NotificationPayload = {},
): MailItem {
  const sample = SAMPLES[kind];
  const actionId = sample.payload.actionTitle === undefined ? null : SAMPLE_ACTION_ID;
  return {
    kind,
    reason: sample.reason,
    payload: { ...sample.payload, ...payload },
    link: itemLink(kind, actionId, pages),
  };
}

/** A sample of every kind. */
export function sampleMailItems(pages: MailPages): MailItem[] {
  return NOTIFICATION_KINDS.map((kind) => sampleMailItem(kind, pages));
}

/**
 * What must not be in a Dutch text: English words and codes (the escalation levels are
 * ambtelijk, bestuurlijk and het Overhedenoverleg), "niveau" glued to the Overhedenoverleg,
 * an adjective left uninflected after "het", and words the web app does not use for a
 * status or health. Returns what was found, for a test to show.
 */
const NOT_DUTCH: readonly RegExp[] = [
  /\b(official|administrative|escalated|escalation|level|the|your|you|owner|action|round|changed|status changed)\b/i,
  /\boverhedenoverleg\b/,
  /\b(not_started|in_progress|partially_met|lapsed|not_set|on_track|at_risk|off_track|overhedenoverleg_agreement)\b/,
  /Overhedenoverleg\s*-?niveau/i,
  /\bhet (ambtelijk|bestuurlijk) niveau\b/,
  /\b(vertraagd|op schema|voldaan)\b/i,
  /\{\{\w+\}\}/,
];

export function englishInDutch(text: string): string[] {
  return NOT_DUTCH.flatMap((pattern) => {
    const found = pattern.exec(text);
    return found ? [found[0]] : [];
  });
}
