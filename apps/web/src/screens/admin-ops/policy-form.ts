import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';

export type Policy = Schemas['ReminderPolicyResponse'];
export type PolicyBody = Schemas['ReminderPolicyDto'];
export type Level = Schemas['EscalationLevel'];

export const LEVELS: readonly Level[] = ['official', 'administrative', 'overhedenoverleg'];

/** The form's values: text as typed, so a wrong entry stays visible beside its message. */
export interface PolicyValues {
  daysBefore: string;
  onDeadlineDay: boolean;
  overdueRepeatDays: string;
  staleAfterDays: string;
  updateRoundReminderDaysBefore: string;
  escalation: Record<Level, { used: boolean; afterDays: string; contactUserIds: string[] }>;
  skipWeekends: boolean;
  skipHolidays: boolean;
  sendHour: string;
  digest: boolean;
}

export function valuesOf(policy: Policy): PolicyValues {
  const step = (level: Level) => policy.escalation.find((rung) => rung.level === level);
  return {
    daysBefore: policy.daysBefore.join(', '),
    onDeadlineDay: policy.onDeadlineDay,
    overdueRepeatDays: policy.overdueRepeatDays === null ? '' : String(policy.overdueRepeatDays),
    staleAfterDays: policy.staleAfterDays === null ? '' : String(policy.staleAfterDays),
    updateRoundReminderDaysBefore: String(policy.updateRoundReminderDaysBefore),
    escalation: Object.fromEntries(
      LEVELS.map((level) => [
        level,
        {
          used: step(level) !== undefined,
          afterDays: String(step(level)?.afterDays ?? ''),
          contactUserIds: step(level)?.contactUserIds ?? [],
        },
      ]),
    ) as PolicyValues['escalation'],
    skipWeekends: policy.skipWeekends,
    skipHolidays: policy.skipHolidays,
    sendHour: String(policy.sendHour),
    digest: policy.digest,
  };
}

const whole = (text: string, min: number, max: number): number | null => {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
};

export const fieldIds = {
  afterDays: (level: Level) => `escalatie-${level}-dagen`,
  contacts: (level: Level) => `escalatie-${level}-contactpersonen`,
};

/** The body for PUT, or what is wrong with the values (every problem at once, at its field). */
export function bodyOf(
  t: Messages,
  values: PolicyValues,
): { body: PolicyBody; errors: [] } | { body: null; errors: FieldError[] } {
  const e = t.adminOps.policyErrors;
  const errors: FieldError[] = [];
  const parts = values.daysBefore
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const daysBefore = parts.map((part) => whole(part, 1, 365));
  if (daysBefore.some((day) => day === null) || parts.length > 10)
    errors.push({ fieldId: 'daysBefore', message: e.daysBefore });
  else if (new Set(daysBefore).size !== daysBefore.length)
    errors.push({ fieldId: 'daysBefore', message: e.daysBeforeTwice });
  const optional = (field: 'overdueRepeatDays' | 'staleAfterDays') => {
    if (!values[field].trim()) return null;
    const value = whole(values[field], 1, 365);
    if (value === null) errors.push({ fieldId: field, message: e[field] });
    return value;
  };
  const overdueRepeatDays = optional('overdueRepeatDays');
  const staleAfterDays = optional('staleAfterDays');
  const updateRoundReminderDaysBefore = whole(values.updateRoundReminderDaysBefore, 0, 60);
  if (updateRoundReminderDaysBefore === null)
    errors.push({ fieldId: 'updateRoundReminderDaysBefore', message: e.roundDays });
  const escalation: PolicyBody['escalation'] = [];
  let previous: number | null = null;
  for (const level of LEVELS) {
    const rung = values.escalation[level];
    if (!rung.used) continue;
    const afterDays = whole(rung.afterDays, 0, 365);
    if (afterDays === null) {
      errors.push({
        fieldId: fieldIds.afterDays(level),
        message: e.afterDays(t.escalationLevel[level]),
      });
      continue;
    }
    if (previous !== null && afterDays <= previous)
      errors.push({
        fieldId: fieldIds.afterDays(level),
        message: e.afterDaysGrow(t.escalationLevel[level]),
      });
    previous = afterDays;
    escalation.push({ level, afterDays, contactUserIds: rung.contactUserIds });
  }
  const sendHour = whole(values.sendHour, 0, 23);
  if (sendHour === null) errors.push({ fieldId: 'sendHour', message: e.sendHour });
  if (errors.length > 0) return { body: null, errors };
  return {
    body: {
      daysBefore: daysBefore as number[],
      onDeadlineDay: values.onDeadlineDay,
      overdueRepeatDays,
      staleAfterDays,
      updateRoundReminderDaysBefore: updateRoundReminderDaysBefore!,
      escalation,
      skipWeekends: values.skipWeekends,
      skipHolidays: values.skipHolidays,
      sendHour: sendHour!,
      digest: values.digest,
    },
    errors: [],
  };
}

/** The API's 400 at the fields it names (`escalation[1].afterDays` is the second level sent). */
export function problemsAtFields(t: Messages, body: PolicyBody, problem?: Problem): FieldError[] {
  const e = t.adminOps.policyErrors;
  const found = (problem?.invalidParams ?? []).map((param): FieldError => {
    const rung = /^escalation\[(\d+)\]\.(\w+)/.exec(param.name);
    if (rung) {
      const level = body.escalation[Number(rung[1])]?.level;
      if (level && rung[2] === 'contactUserIds')
        return { fieldId: fieldIds.contacts(level), message: e.contact(t.escalationLevel[level]) };
      if (level)
        return {
          fieldId: fieldIds.afterDays(level),
          message: e.afterDaysGrow(t.escalationLevel[level]),
        };
    }
    const field = param.name.replace(/\[.*$/, '');
    const known: Record<string, string> = {
      daysBefore: e.daysBefore,
      overdueRepeatDays: e.overdueRepeatDays,
      staleAfterDays: e.staleAfterDays,
      updateRoundReminderDaysBefore: e.roundDays,
      sendHour: e.sendHour,
    };
    return known[field]
      ? { fieldId: field, message: known[field] }
      : { message: e.other(param.name, param.reason) };
  });
  return found.length > 0 ? found : [{ message: t.errors.generic }];
}
