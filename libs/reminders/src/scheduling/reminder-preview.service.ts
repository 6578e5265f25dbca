import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { ActionSnapshots } from '@app/tracking';
import { planNext } from '../planning/next-reminders';
import { badSince } from '../planning/occasion-due';
import type { Occasion } from '../planning/reminder-plan.model';
import type { ReminderPolicyDto } from '../policy/dto/reminder-policy.dto';
import { policyOf, policyProblems } from '../policy/policy-input';
import { RemindersErrors } from '../reminders.errors';
import { UpdateRoundsRepository } from '../rounds/update-rounds.repository';
import { ownerRecipients, ProgrammeMembers, recipientsOf } from './recipients';
import type { ReminderPreviewItem, ReminderPreviewResponse } from './reminder-preview.response';
import { toFacts } from './reminder-changes';
import { RemindersRepository } from './reminders.repository';

const BATCH = 1000;

/**
 * What a reminder policy would plan, before it is saved (issue 18, item 8): every open action
 * of the programme planned with it as the scheduler would (`planNext` on the same facts,
 * rows and recipients), read-only. The scheduler's outcome does not depend on how far back
 * it first reads the rows (an insert that meets an old sent row is planned again with all of
 * them), so the preview reads all of an action's rows at once.
 */
@Injectable()
export class ReminderPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: ActionSnapshots,
    private readonly reminders: RemindersRepository,
    private readonly rounds: UpdateRoundsRepository,
    private readonly people: PeopleDirectory,
    private readonly clock: Clock,
  ) {}

  async preview(
    programmeId: string,
    dto: ReminderPolicyDto,
    limit: number,
  ): Promise<ReminderPreviewResponse> {
    // One snapshot of the programme: REPEATABLE READ, and nothing is written or locked.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const members = new ProgrammeMembers(await this.people.activeMembers(programmeId, manager));
      const problems = policyProblems(dto, new Set(members.list.map((member) => member.userId)));
      if (problems.length > 0) throw RemindersErrors.invalid(problems);
      const policy = policyOf(dto);
      const now = this.clock.now();
      let soonest: ReminderPreviewItem[] = [];
      let total = 0;
      let actionsPlanned = 0;
      let after: string | null = null;
      for (;;) {
        const ids = await this.snapshots.openIds(programmeId, after, BATCH, manager);
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        actionsPlanned += ids.length;
        const snapshots = await this.snapshots.load(ids, manager);
        const rounds = await this.rounds.openRoundsOf(manager, ids);
        const rows = groupBy(
          await this.reminders.known(manager, ids, new Date(0)),
          (row) => row.actionId,
        );
        for (const snapshot of snapshots) {
          const facts = toFacts(snapshot, rounds.get(snapshot.id) ?? []);
          // The scheduler first takes an action off the ladder once its bad period is over.
          const since = facts.escalationLevel === null ? null : badSince(facts, policy);
          if (facts.escalationLevel !== null && !(since && since <= now))
            facts.escalationLevel = null;
          const plan = planNext(facts, policy, now, rows.get(snapshot.id) ?? []);
          const owners = ownerRecipients(snapshot, members);
          const next: Pick<Occasion, 'kind' | 'step' | 'dueAt'>[] = [
            ...plan.keep.map(({ row, dueAt }) => ({ kind: row.kind, step: row.step, dueAt })),
            ...plan.insert,
          ];
          total += next.length;
          for (const occasion of next) {
            soonest.push({
              actionId: snapshot.id,
              kind: occasion.kind,
              step: occasion.step,
              dueAt: occasion.dueAt.toISOString(),
              recipientUserIds: recipientsOf(occasion, owners, policy, members).map(
                (recipient) => recipient.userId,
              ),
            });
          }
        }
        // Only the soonest are kept between batches: memory stays flat for a large programme.
        soonest = soonestFirst(soonest).slice(0, limit);
      }
      return { data: soonestFirst(soonest).slice(0, limit), actionsPlanned, total };
    });
  }
}

/** Soonest first; the same moment in a stable order (action, kind, step). */
function soonestFirst(items: ReminderPreviewItem[]): ReminderPreviewItem[] {
  return [...items].sort(
    (a, b) =>
      a.dueAt.localeCompare(b.dueAt) ||
      a.actionId.localeCompare(b.actionId) ||
      a.kind.localeCompare(b.kind) ||
      a.step.localeCompare(b.step),
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
