import type { EntityManager } from 'typeorm';
import type { InvalidParam } from '@app/core';
import type { PeopleDirectory } from '@app/identity';
import type { ActionPartnerInput } from './dto/action-fields';
import { knownOrganisations } from '../shared/known-organisations';
import type { ActionsRepository } from './actions.repository';

/** The references of a new or changed action; absent ones are left unchecked. */
export interface ActionReferences {
  programmeId: string;
  trackId?: string;
  commitmentId?: string | null;
  parentActionId?: string;
  ownerOrganisationId?: string;
  ownerUserId?: string | null;
  partners?: readonly ActionPartnerInput[];
  startDate?: string | null;
  deadline?: string;
}

/**
 * Checks that what an action points at exists where it must (the programme's tracks,
 * commitments and top-level actions; real organisations; an active owner of the owning
 * organisation) and reports every problem at once. Answers the parent's track, for a
 * sub-action that names none.
 */
export async function checkReferences(
  repository: ActionsRepository,
  people: PeopleDirectory,
  manager: EntityManager,
  refs: ActionReferences,
): Promise<{ problems: InvalidParam[]; parentTrackId?: string | null }> {
  const problems: InvalidParam[] = [];
  let parentTrackId: string | null | undefined;
  if (
    refs.trackId &&
    !(await repository.inProgramme('tracks', refs.trackId, refs.programmeId, manager))
  ) {
    problems.push({ name: 'trackId', reason: 'is not a track of this programme' });
  }
  if (
    refs.commitmentId &&
    !(await repository.inProgramme('commitments', refs.commitmentId, refs.programmeId, manager))
  ) {
    problems.push({ name: 'commitmentId', reason: 'is not a commitment of this programme' });
  }
  if (refs.parentActionId) {
    const parent = await repository.inProgramme(
      'actions',
      refs.parentActionId,
      refs.programmeId,
      manager,
    );
    if (!parent)
      problems.push({ name: 'parentActionId', reason: 'is not an action of this programme' });
    else if (parent.parentActionId) {
      problems.push({
        name: 'parentActionId',
        reason: 'is a sub-action itself: sub-actions go one level deep',
      });
    } else parentTrackId = parent.trackId;
  }
  const organisationIds = [
    ...(refs.ownerOrganisationId ? [refs.ownerOrganisationId] : []),
    ...(refs.partners ?? []).map((partner) => partner.organisationId),
  ];
  const known = await knownOrganisations(manager, organisationIds);
  if (refs.ownerOrganisationId && !known.has(refs.ownerOrganisationId)) {
    problems.push({ name: 'ownerOrganisationId', reason: 'is not a known organisation' });
  }
  const seen = new Set<string>();
  (refs.partners ?? []).forEach((partner, index) => {
    const name = `partners[${index}].organisationId`;
    if (!known.has(partner.organisationId))
      problems.push({ name, reason: 'is not a known organisation' });
    else if (partner.organisationId === refs.ownerOrganisationId) {
      problems.push({ name, reason: 'is the owner; an owner is not also a partner' });
    } else if (seen.has(partner.organisationId)) {
      problems.push({ name, reason: 'is listed twice' });
    }
    seen.add(partner.organisationId);
  });
  if (refs.ownerUserId && refs.ownerOrganisationId) {
    const organisation = await people.activeUserOrganisation(refs.ownerUserId, manager);
    if (organisation !== refs.ownerOrganisationId) {
      problems.push({
        name: 'ownerUserId',
        reason: 'is not an active user of the owning organisation',
      });
    }
  }
  if (refs.startDate && refs.deadline && refs.startDate > refs.deadline) {
    problems.push({ name: 'startDate', reason: 'is after the deadline' });
  }
  return { problems, parentTrackId };
}
