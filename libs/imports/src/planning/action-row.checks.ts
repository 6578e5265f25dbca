import { DomainError } from '@app/core';
import { type ActionState, applyChange } from '@app/tracking';
import type { ActionFields } from '../sheet/row-values';
import { choiceLabels } from '../sheet/vocabulary';
import type { PlanContext } from './action-row.planner';
import { dtoProblems, fieldOfParam } from './dto-check';
import type { RowCells } from './row-cells';

/** Checks what spans cells: the owner's person and partners, the dates. */
export function checkCombination(
  cells: RowCells,
  after: Partial<ActionFields>,
  context: PlanContext,
): void {
  if (after.ownerUser && after.ownerOrganisation) {
    const email = context.names.emailOf(after.ownerUser);
    const member = context.names.member(email);
    if (member && member.organisationId !== after.ownerOrganisation) {
      cells.error('ownerUser', 'PERSON_OF_OTHER_ORGANISATION', { value: email });
    }
  }
  if (after.partners?.some((p) => p.organisationId === after.ownerOrganisation)) {
    cells.error('partners', 'PARTNER_IS_OWNER');
  }
  if (after.startDate && after.deadline && after.startDate > after.deadline) {
    cells.error('startDate', 'START_AFTER_DEADLINE');
  }
}

/** The state machine's verdict on a change, as errors at the status or reason cell. */
export function checkTransition(
  cells: RowCells,
  state: ActionState,
  change: Parameters<typeof applyChange>[1],
  now: Date,
): void {
  try {
    applyChange(state, change, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'VALIDATION_FAILED') {
      cells.error('reason', 'REASON_REQUIRED', {
        detail:
          cells.lang === 'nl'
            ? 'een verschoven deadline, Deels gerealiseerd, Vervallen, Risico, Uit koers of een heropende actie vraagt er een'
            : (error.invalidParams?.[0]?.reason ?? error.message),
      });
    } else {
      const labels = choiceLabels('status', cells.lang);
      cells.error('status', 'INVALID_TRANSITION', {
        detail:
          cells.lang === 'en'
            ? error.message
            : error.code === 'ACTION_CLOSED'
              ? 'een afgesloten actie heeft geen gezondheid of voortgang; heropen haar eerst (status In uitvoering)'
              : `van ${labels[state.status]} naar ${labels[change.status ?? state.status]}`,
      });
    }
  }
}

export function addDtoProblems(cells: RowCells, type: new () => object, body: object): void {
  for (const problem of dtoProblems(type, body)) {
    cells.invalid(fieldOfParam(problem.name), `${problem.name} ${problem.reason}`);
  }
}
