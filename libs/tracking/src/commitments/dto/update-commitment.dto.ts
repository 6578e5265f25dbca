import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsObject } from 'class-validator';
import { IsOmittable } from '@app/core';
import { ATTRIBUTES_SCHEMA } from './create-commitment.dto';
import {
  CommitmentLineageInput,
  CommitmentReferenceInput,
  DateAgreedRules,
  DescriptionRules,
  LineageRules,
  MAX_LINEAGE,
  MAX_PARTIES,
  MAX_REFERENCES,
  PartiesRules,
  ReferencesRules,
  TitleRules,
} from './commitment-fields';

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

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @DescriptionRules()
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null clears it.',
  })
  @DateAgreedRules()
  dateAgreed?: string | null;

  @ApiPropertyOptional({
    ...ATTRIBUTES_SCHEMA,
    description: `${ATTRIBUTES_SCHEMA.description} Replaces all attributes; validated against the stored kind.`,
  })
  @IsOmittable()
  @IsObject()
  attributes?: object;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_PARTIES })
  @PartiesRules()
  parties?: string[];

  @ApiPropertyOptional({ type: [CommitmentReferenceInput], maxItems: MAX_REFERENCES })
  @ReferencesRules()
  references?: CommitmentReferenceInput[];

  @ApiPropertyOptional({ type: [CommitmentLineageInput], maxItems: MAX_LINEAGE })
  @LineageRules()
  lineage?: CommitmentLineageInput[];
}
