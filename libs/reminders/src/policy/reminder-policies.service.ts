import { Injectable } from '@nestjs/common';
import { AuditService, changedFields } from '@app/audit';
import { type InvalidParam, JobName, OutboxService, Transactions } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { ConcurrencyErrors, ESCALATION_LEVELS, parseIfMatch } from '@app/tracking';
import { RemindersErrors } from '../reminders.errors';
import type { ReminderPolicyDto, ReminderPolicyResponse } from './dto/reminder-policy.dto';
import { ReminderPoliciesRepository } from './reminder-policies.repository';
import type { ReminderPolicy, StoredReminderPolicy } from './reminder-policy';

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

/** The ladder's rules beyond each step's own: levels once, in order, later means longer. */
function ladderProblems(escalation: ReminderPolicyDto['escalation']): InvalidParam[] {
  const problems: InvalidParam[] = [];
  escalation.forEach((step, index) => {
    const previous = escalation[index - 1];
    if (!previous) return;
    if (ESCALATION_LEVELS.indexOf(step.level) <= ESCALATION_LEVELS.indexOf(previous.level)) {
      problems.push({
        name: `escalation[${index}].level`,
        reason:
          'levels must each appear once, in the order official, administrative, overhedenoverleg',
      });
    }
    if (step.afterDays <= previous.afterDays) {
      problems.push({
        name: `escalation[${index}].afterDays`,
        reason: 'must be more than the afterDays of the level before it',
      });
    }
  });
  return problems;
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
    const policy: ReminderPolicy = {
      ...dto,
      daysBefore: [...dto.daysBefore].sort((a, b) => b - a),
      escalation: dto.escalation.map((step) => ({
        level: step.level,
        afterDays: step.afterDays,
        contactUserIds: step.contactUserIds,
      })),
    };
    const saved = await this.transactions.run(async (manager) => {
      const problems = ladderProblems(dto.escalation);
      const members = new Set(
        (await this.people.activeMembers(programmeId, manager)).map((member) => member.userId),
      );
      dto.escalation.forEach((step, index) =>
        step.contactUserIds.forEach((userId, position) => {
          if (!members.has(userId)) {
            problems.push({
              name: `escalation[${index}].contactUserIds[${position}]`,
              reason: 'must be an active member of the programme',
            });
          }
        }),
      );
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
