import type { EntityManager } from 'typeorm';
import type { InvalidParam } from '@app/core';
import type { LineageRelation } from './commitment.entity';
import type { CommitmentsRepository } from './commitments.repository';
import { knownOrganisations } from '../shared/known-organisations';

/** What a new or changed commitment points at; absent parts are left unchecked. */
export interface CommitmentTargets {
  programmeId: string;
  /** The commitment being changed; absent when it is being created. */
  commitmentId?: string;
  parties?: readonly string[];
  leadMinistryId?: string;
  lineage?: readonly { relation: LineageRelation; commitmentId: string }[];
}

/**
 * Checks that what a commitment points at exists where it must, and reports every problem at
 * once: parties and the lead ministry are organisations; the lineage names other commitments
 * of the same programme and closes no cycle. A commitment of another programme reads like an
 * unknown one, so ids cannot be probed. Lineage changes must hold the programme's lineage
 * lock (CommitmentsRepository.lockLineage) for the cycle check to hold.
 */
export async function checkCommitmentLinks(
  repository: CommitmentsRepository,
  manager: EntityManager,
  links: CommitmentTargets,
): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  const parties = links.parties ?? [];
  const organisations = await knownOrganisations(manager, [
    ...parties,
    ...(links.leadMinistryId ? [links.leadMinistryId] : []),
  ]);
  parties.forEach((id, index) => {
    if (!organisations.has(id))
      problems.push({ name: `parties[${index}]`, reason: 'is not a known organisation' });
  });
  if (links.leadMinistryId && !organisations.has(links.leadMinistryId)) {
    problems.push({ name: 'attributes.leadMinistryId', reason: 'is not a known organisation' });
  }

  const lineage = links.lineage ?? [];
  const earlier = lineage.map((link) => link.commitmentId);
  const known = await repository.inProgramme(
    earlier.filter((id) => id !== links.commitmentId),
    links.programmeId,
    manager,
  );
  const cyclic = links.commitmentId
    ? await repository.buildingOn([...known], links.commitmentId, manager)
    : new Set<string>();
  earlier.forEach((id, index) => {
    const name = `lineage[${index}].commitmentId`;
    if (id === links.commitmentId) {
      problems.push({ name, reason: 'is this commitment itself' });
    } else if (!known.has(id)) {
      problems.push({ name, reason: 'is not a commitment of this programme' });
    } else if (cyclic.has(id)) {
      problems.push({ name, reason: 'already builds on this commitment: that would be a cycle' });
    }
  });
  return problems;
}
