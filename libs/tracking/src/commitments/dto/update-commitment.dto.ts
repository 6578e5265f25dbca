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

  @ApiPropertyOptional({
    maxLength: 300,
    example: 'Scherper beeld van de regio: kennis en personeel uitwisselen tussen Rijk en regio',
  })
  @IsOmittable()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional({
    maxLength: 20_000,
    example:
      'De ROB adviseert meer kennis- en personeelsuitwisseling tussen Rijk en medeoverheden, training in interbestuurlijk en integraal samenwerken, en per ministerie een eigen visie op interbestuurlijk samenwerken binnen kaders van BZK.',
  })
  @DescriptionRules()
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null clears it.',
    example: '2021-07-06',
  })
  @DateAgreedRules()
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

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_PARTIES,
    example: ['32f4863a-c117-4dd8-93d3-7b281d88bd9c', 'a7e1162b-9320-4183-bc56-29bdd5ce56f4'],
  })
  @PartiesRules()
  parties?: string[];

  @ApiPropertyOptional({ type: [CommitmentReferenceInput], maxItems: MAX_REFERENCES })
  @ReferencesRules()
  references?: CommitmentReferenceInput[];

  @ApiPropertyOptional({ type: [CommitmentLineageInput], maxItems: MAX_LINEAGE })
  @LineageRules()
  lineage?: CommitmentLineageInput[];
}
