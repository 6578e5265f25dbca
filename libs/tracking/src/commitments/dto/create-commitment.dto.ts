import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { COMMITMENT_KINDS, type CommitmentKind } from '../commitment.entity';
import { ATTRIBUTES_OF_KIND, attributesClassOf, isCommitmentKind } from './commitment-attributes';
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

/** The OpenAPI schema of `attributes`: one of the kinds' attribute objects. */
export const ATTRIBUTES_SCHEMA = {
  description:
    "The fields of the commitment's kind: udo_trajectory → UdoTrajectoryAttributes, " +
    'bofv_agreement → BofvAgreementAttributes, overhedenoverleg_agreement → ' +
    'OverhedenoverlegAgreementAttributes, rob_recommendation → RobRecommendationAttributes, ' +
    'parliamentary_pledge → ParliamentaryPledgeAttributes, agenda_item → `{}`. Properties ' +
    'of another kind, or unknown ones, are refused (400).',
  anyOf: Object.values(ATTRIBUTES_OF_KIND).map((model) => ({ $ref: getSchemaPath(model) })),
};

export class CreateCommitmentDto {
  @ApiProperty({ format: 'uuid', description: 'The programme the commitment belongs to.' })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({
    enum: COMMITMENT_KINDS,
    enumName: 'CommitmentKind',
    description: 'What kind of agreement it comes from; cannot change later.',
    example: 'rob_recommendation',
  })
  @IsIn(COMMITMENT_KINDS)
  kind!: CommitmentKind;

  @ApiProperty({
    maxLength: 300,
    example: 'Investeer in de samenwerking tussen Rijk en medeoverheden',
  })
  @TitleRules()
  title!: string;

  @ApiPropertyOptional({ maxLength: 20_000, default: '' })
  @DescriptionRules()
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2021-05-20',
    description: 'null or left out: not known.',
  })
  @DateAgreedRules()
  dateAgreed?: string | null;

  @ApiPropertyOptional({
    ...ATTRIBUTES_SCHEMA,
    example: {
      adviceTitle: 'Rol nemen, Ruimte geven',
      recommendationNumber: 3,
      cabinetResponse: 'embraced',
    },
  })
  // Validated as the class of the kind sent beside it; required unless the kind has none.
  @ValidateIf(
    (dto: CreateCommitmentDto) =>
      isCommitmentKind(dto.kind) && (dto.kind !== 'agenda_item' || dto.attributes !== undefined),
  )
  @IsObject()
  @ValidateNested()
  @Type((options) => attributesClassOf((options?.object as { kind?: unknown } | undefined)?.kind))
  attributes?: object;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_PARTIES,
    description: 'The organisations that are party to it.',
  })
  @PartiesRules()
  parties?: string[];

  @ApiPropertyOptional({
    type: [CommitmentReferenceInput],
    maxItems: MAX_REFERENCES,
    description: 'Where it is recorded, in this order.',
  })
  @ReferencesRules()
  references?: CommitmentReferenceInput[];

  @ApiPropertyOptional({
    type: [CommitmentLineageInput],
    maxItems: MAX_LINEAGE,
    description: 'Earlier commitments of the same programme that this one builds on.',
  })
  @LineageRules()
  lineage?: CommitmentLineageInput[];
}
