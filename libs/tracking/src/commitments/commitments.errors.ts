import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

/** The constraints whose violations the commitments part turns into domain errors. */
export const CommitmentConstraints = {
  actions: 'fk_actions_commitment',
  earlier: 'fk_commitment_lineage_earlier',
  partyOrganisation: 'fk_commitment_parties_organisation',
} as const;

export const CommitmentErrors = {
  /** Also for a commitment outside the caller's programmes: ids cannot be probed. */
  notFound: () => new DomainError('not_found', 'COMMITMENT_NOT_FOUND', 'No such commitment.'),
  invalid: (invalidParams: InvalidParam[]) =>
    invalidParams.every((problem) => problem.name.startsWith('lineage'))
      ? new DomainError(
          'invalid_input',
          'INVALID_LINEAGE',
          'The lineage is not valid: it must point at other, earlier commitments of the same programme, without cycles.',
          invalidParams,
        )
      : CoreErrors.validationFailed(invalidParams),
  inUseByActions: () =>
    new DomainError(
      'conflict',
      'COMMITMENT_IN_USE',
      'Actions still carry out this commitment; move or remove them first.',
    ),
  inUseByLineage: () =>
    new DomainError(
      'conflict',
      'COMMITMENT_IN_USE',
      'Later commitments build on this one (lineage); change their lineage first.',
    ),
} as const;
