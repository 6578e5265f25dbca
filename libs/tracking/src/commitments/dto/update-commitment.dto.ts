import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsObject } from 'class-validator';
import { IsOmittable } from '@app/core';
import {
  CommitmentFields,
  type CommitmentLineageInput,
  type CommitmentReferenceInput,
} from './commitment-fields';
import { ATTRIBUTES_SCHEMA, PARTIES_EXAMPLE, ROB_ADVICE } from './create-commitment.dto';

/**
 * A change to a commitment: only the properties sent change. `attributes`, `parties`,
 * `references` and `lineage`, when sent, replace the whole of what was there.
 */
export class UpdateCommitmentDto {
  /** Not a field of a change: declared only to refuse it with a reason rather than a bare 400. */
  @IsOmittable()
  @Equals(undefined, {
    message:
      'kind cannot change after creation: record a new commitment and link it with lineage (amends)',
  })
  kind?: never;

  @CommitmentFields.title('omittable', {
    example: 'Scherper beeld van de regio: kennis en personeel uitwisselen tussen Rijk en regio',
  })
  title?: string;

  @CommitmentFields.description({ example: ROB_ADVICE })
  description?: string;

  @CommitmentFields.dateAgreed({ description: 'null clears it.', example: '2021-07-06' })
  dateAgreed?: string | null;

  @ApiPropertyOptional({
    ...ATTRIBUTES_SCHEMA,
    description: `${ATTRIBUTES_SCHEMA.description} Replaces all attributes; validated against the stored kind.`,
    example: {
      adviceTitle: 'Rol nemen, Ruimte geven',
      recommendationNumber: 3,
      cabinetResponse: 'partially_embraced',
    },
  })
  @IsOmittable()
  @IsObject()
  attributes?: object;

  @CommitmentFields.parties({ example: PARTIES_EXAMPLE })
  parties?: string[];

  @CommitmentFields.references({})
  references?: CommitmentReferenceInput[];

  @CommitmentFields.lineage({})
  lineage?: CommitmentLineageInput[];
}
