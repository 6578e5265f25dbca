import { Injectable } from '@nestjs/common';
import { AuditService, changedFields } from '@app/audit';
import { JobName, OutboxService, Transactions } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { ConcurrencyErrors, parseIfMatch } from '@app/tracking';
import { RemindersErrors } from '../reminders.errors';
import type { ReminderPolicyDto, ReminderPolicyResponse } from './dto/reminder-policy.dto';
import { ReminderPoliciesRepository } from './reminder-policies.repository';
import { policyOf, policyProblems } from './policy-input';
import type { StoredReminderPolicy } from './reminder-policy';

const FIELDS = [
  'daysBefore',
  'onDeadlineDay',
  'overdueRepeatDays',
  'staleAfterDays',
  'updateRoundReminderDaysBefore',
  'escalation',
  'skipWeekends',
  'skipHolidays',
  'sendHour',
  'digest',
] as const;

export function mapPolicy(
  programmeId: string,
  policy: StoredReminderPolicy,
): ReminderPolicyResponse {
  return {
    programmeId,
    ...Object.fromEntries(FIELDS.map((field) => [field, policy[field]])),
    version: policy.version,
    updatedAt: policy.updatedAt?.toISOString() ?? null,
  } as ReminderPolicyResponse;
}

/** Each programme's reminder policy (issue 6, item 1): coordinators read and replace it. */
@Injectable()
export class ReminderPoliciesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policies: ReminderPoliciesRepository,
    private readonly people: PeopleDirectory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async get(programmeId: string): Promise<ReminderPolicyResponse> {
    return mapPolicy(programmeId, await this.policies.get(programmeId));
  }

  /**
   * Replaces the policy. `If-Match` is optional here (a policy is replaced whole), but when
   * sent it must name the current version. The programme's reminders are recomputed after
   * the commit, through the outbox.
   */
  async put(
    programmeId: string,
    ifMatch: string | undefined,
    dto: ReminderPolicyDto,
  ): Promise<ReminderPolicyResponse> {
    const expected = ifMatch === undefined ? undefined : parseIfMatch(ifMatch);
    const policy = policyOf(dto);
    const saved = await this.transactions.run(async (manager) => {
      const members = await this.people.activeMembers(programmeId, manager);
      const problems = policyProblems(dto, new Set(members.map((member) => member.userId)));
      if (problems.length > 0) throw RemindersErrors.invalid(problems);
      const before = await this.policies.get(programmeId, manager);
      const stored = await this.policies.save(manager, programmeId, policy, expected);
      if (!stored) throw ConcurrencyErrors.versionConflict();
      await this.outbox.record(manager, {
        name: JobName.RemindersReschedule,
        data: { programmeId, why: 'policy_changed' },
      });
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'reminder_policy',
        entityId: programmeId,
        programmeId,
        changes: changedFields(before, stored, [...FIELDS]),
      });
      return stored;
    });
    return mapPolicy(programmeId, saved);
  }
}
