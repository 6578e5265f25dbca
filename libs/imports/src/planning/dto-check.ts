import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { InvalidParam } from '@app/core';

/**
 * A row's request body checked as the API's validation pipe checks it (whitelisting, every
 * problem at once), so that a row the dry run passes is a request the API accepts.
 */
export function dtoProblems(type: new () => object, plain: object): InvalidParam[] {
  const errors = validateSync(plainToInstance(type, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return flatten(errors, '');
}

function flatten(errors: ValidationError[], parent: string): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...flatten(error.children ?? [], name)];
  });
}

/** The API's names for what the sheet calls by its own. */
const FIELD_OF_PARAM: Record<string, string> = {
  trackId: 'track',
  commitmentId: 'commitment',
  ownerOrganisationId: 'ownerOrganisation',
  ownerUserId: 'ownerUser',
  references: 'kamerstukken',
  latestNarrative: 'narrative',
};

/** The sheet field of an invalid parameter: `attributes.phase` → phase, `partners.0.role` → partners. */
export function fieldOfParam(name: string): string {
  const parts = name.split('.');
  if (parts[0] === 'attributes' && parts[1]) return parts[1];
  return FIELD_OF_PARAM[parts[0]] ?? parts[0];
}
