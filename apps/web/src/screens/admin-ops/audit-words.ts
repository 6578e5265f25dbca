import type { Schemas } from '../../api/client';
import type { Messages } from '../../i18n';
import type { Names } from '../action/use-names';

export type AuditEvent = Schemas['AuditEventResponse'];
export type AuditOperation = Schemas['AuditOperation'];

export const OPERATIONS: readonly AuditOperation[] = [
  'create',
  'update',
  'delete',
  'status_change',
  'escalate',
  'de_escalate',
  'login',
  'login_failed',
  'logout',
  'refresh_token_reuse',
  'password_change',
  'token_created',
  'token_revoked',
  'permission_denied',
];

/** The kinds of things the log records (README "What is recorded"). */
export const ENTITY_TYPES = [
  'action',
  'commitment',
  'comment',
  'programme',
  'programme_member',
  'track',
  'update_round',
  'reminder_policy',
  'email_delivery',
  'report_export',
  'api_token',
  'organisation',
  'user',
  'session',
  'notification_preferences',
  'route',
  'queue_job',
  'job_queue',
] as const;

/** A word from a vocabulary, or the code itself for one retired or not yet known. */
export function wordFor(words: Record<string, string>, code: string): string {
  return words[code] ?? code;
}

/** Who did it, in words: a person's name, or what kind of actor it was. */
export function actorInWords(t: Messages, names: Names, actor: AuditEvent['actor']): string {
  const o = t.adminOps;
  if (actor.type === 'system') return o.actorSystem;
  if (actor.type === 'anonymous') return o.actorAnonymous;
  if (actor.type === 'api_token') return o.actorToken;
  return names.person(actor.id) ?? o.unknownPerson;
}

/** A recorded value as text: strings as they are, nothing as a dash, the rest as JSON. */
export function valueText(t: Messages, value: unknown): string {
  if (value === undefined || value === null) return t.adminOps.noValue;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
