import type { InvalidParam } from '@app/core';
import { ESCALATION_LEVELS } from '@app/tracking';
import type { ReminderPolicyDto } from './dto/reminder-policy.dto';
import type { ReminderPolicy } from './reminder-policy';

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

/**
 * What is wrong with a policy beyond its fields' own rules: the ladder's order, and contacts
 * who are not active members of the programme. Saving and previewing check the same.
 */
export function policyProblems(
  dto: ReminderPolicyDto,
  activeMembers: ReadonlySet<string>,
): InvalidParam[] {
  const problems = ladderProblems(dto.escalation);
  dto.escalation.forEach((step, index) =>
    step.contactUserIds.forEach((userId, position) => {
      if (!activeMembers.has(userId)) {
        problems.push({
          name: `escalation[${index}].contactUserIds[${position}]`,
          reason: 'must be an active member of the programme',
        });
      }
    }),
  );
  return problems;
}

/** The policy a valid request stands for: days before, longest first. */
export function policyOf(dto: ReminderPolicyDto): ReminderPolicy {
  return {
    ...dto,
    daysBefore: [...dto.daysBefore].sort((a, b) => b - a),
    escalation: dto.escalation.map((step) => ({
      level: step.level,
      afterDays: step.afterDays,
      contactUserIds: step.contactUserIds,
    })),
  };
}
