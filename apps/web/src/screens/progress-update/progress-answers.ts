import { api, type Problem } from '../../api/client';
import type { Action } from '../../components/action-table';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import { NEXT_STATUSES } from './progress-form-values';

/** The API's refusal in Dutch, at the field it is about (RFC 9457 `code`, `invalidParams`). */
export function problemInWords(
  t: Messages,
  status: number,
  problem: Problem | undefined,
  base: Action,
): FieldError[] {
  const m = t.progressUpdate.errors;
  if (status === 400) {
    const errors = (problem?.invalidParams ?? []).map((param): FieldError => {
      const tooLong = /longer|shorter|length/i.test(param.reason);
      switch (param.name) {
        case 'narrative':
          return {
            fieldId: 'narrative',
            message: tooLong ? m.narrativeTooLong : m.narrativeRequired,
          };
        case 'reason':
          return { fieldId: 'reason', message: tooLong ? m.reasonTooLong : m.reasonRequiredByApi };
        case 'percentComplete':
          return { fieldId: 'percent', message: m.percent };
        case 'status':
          return { fieldId: 'status', message: m.status };
        case 'health':
          return { fieldId: 'health', message: m.health };
        default:
          return { message: m.field(param.name) };
      }
    });
    return errors.length > 0 ? errors : [{ message: t.errors.generic }];
  }
  if (status === 403) return [{ message: m.forbidden }];
  if (status === 404) return [{ message: m.gone }];
  if (status === 409) {
    switch (problem?.code) {
      case 'INVALID_STATUS_TRANSITION':
        return [
          {
            fieldId: 'status',
            message: m.transition(
              t.status[base.status],
              NEXT_STATUSES[base.status].map((next) => t.status[next]).join(t.progressUpdate.and),
            ),
          },
        ];
      case 'ACTION_CLOSED':
        return [{ fieldId: 'status', message: m.closed }];
      case 'IDEMPOTENCY_KEY_IN_FLIGHT':
        return [{ message: m.inFlight }];
      case 'IDEMPOTENCY_KEY_USED':
        return [{ message: m.alreadyDone }];
    }
  }
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}

/** What changed between the version the form started from and now, in words. */
export function changesBetween(t: Messages, before: Action, after: Action): string[] {
  const change = t.action.change;
  const lines: string[] = [];
  if (before.status !== after.status)
    lines.push(change(t.action.status, t.status[before.status], t.status[after.status]));
  if (before.health !== after.health)
    lines.push(change(t.action.health, t.health[before.health], t.health[after.health]));
  if (before.percentComplete !== after.percentComplete)
    lines.push(
      change(
        t.action.percent,
        t.format.percent(before.percentComplete),
        t.format.percent(after.percentComplete),
      ),
    );
  if (before.deadline !== after.deadline)
    lines.push(
      change(t.action.deadline, t.format.date(before.deadline), t.format.date(after.deadline)),
    );
  if (before.verification !== after.verification)
    lines.push(
      change(
        t.action.verification,
        t.verification[before.verification],
        t.verification[after.verification],
      ),
    );
  if (before.latestNarrative !== after.latestNarrative && after.latestNarrative)
    lines.push(t.progressUpdate.narrativeNow(after.latestNarrative));
  return lines;
}

export async function fetchAction(
  id: string,
): Promise<{ action: Action; etag: string } | undefined> {
  const { data, response } = await api
    .GET('/actions/{id}', { params: { path: { id } } })
    .catch(() => ({ data: undefined, response: undefined }));
  if (!data || !response) return undefined;
  return { action: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}
