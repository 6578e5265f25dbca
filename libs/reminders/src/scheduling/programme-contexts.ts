import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PeopleDirectory } from '@app/identity';
import { ReminderPoliciesRepository } from '../policy/reminder-policies.repository';
import type { StoredReminderPolicy } from '../policy/reminder-policy';
import { ProgrammeMembers } from './recipients';

/** What planning an action needs about its programme, read once per transaction. */
export interface ProgrammeContext {
  policy: StoredReminderPolicy;
  members: ProgrammeMembers;
}

/** Reads the programme contexts planning and sending need, into a map kept per transaction. */
@Injectable()
export class ProgrammeContexts {
  constructor(
    private readonly policies: ReminderPoliciesRepository,
    private readonly people: PeopleDirectory,
  ) {}

  /** The policy and members of each programme of these actions, once per programme. */
  async load(
    manager: EntityManager,
    snapshots: readonly { programmeId: string }[],
    contexts: Map<string, ProgrammeContext>,
  ): Promise<void> {
    const missing = [...new Set(snapshots.map((s) => s.programmeId))].filter(
      (id) => !contexts.has(id),
    );
    if (missing.length === 0) return;
    const policies = await this.policies.forProgrammes(missing, manager);
    for (const programmeId of missing) {
      contexts.set(programmeId, {
        policy: policies.get(programmeId)!,
        members: new ProgrammeMembers(await this.people.activeMembers(programmeId, manager)),
      });
    }
  }
}
