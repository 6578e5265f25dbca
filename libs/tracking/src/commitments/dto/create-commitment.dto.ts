import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { COMMITMENT_KINDS, type CommitmentKind } from '../commitment.entity';
import { ATTRIBUTES_OF_KIND, attributesClassOf, isCommitmentKind } from './commitment-attributes';
import {
  CommitmentFields,
  type CommitmentLineageInput,
  type CommitmentReferenceInput,
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

/** Examples the create and the update share. */
export const ROB_ADVICE =
  'De ROB adviseert meer kennis- en personeelsuitwisseling tussen Rijk en medeoverheden, training in interbestuurlijk en integraal samenwerken, en per ministerie een eigen visie op interbestuurlijk samenwerken binnen kaders van BZK.';
export const PARTIES_EXAMPLE = [
  '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  'a7e1162b-9320-4183-bc56-29bdd5ce56f4',
];

export class CreateCommitmentDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme the commitment belongs to.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
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

  @CommitmentFields.title('required', {
    example: 'Scherper beeld van de regio: kennis en personeel uitwisselen tussen Rijk en regio',
  })
  title!: string;

  @CommitmentFields.description({ default: '', example: ROB_ADVICE })
  description?: string;

  @CommitmentFields.dateAgreed({
    example: '2021-07-06',
    description: 'null or left out: not known.',
  })
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

  @CommitmentFields.parties({
    description: 'The organisations that are party to it.',
    example: PARTIES_EXAMPLE,
  })
  parties?: string[];

  @CommitmentFields.references({ description: 'Where it is recorded, in this order.' })
  references?: CommitmentReferenceInput[];

  @CommitmentFields.lineage({
    description: 'Earlier commitments of the same programme that this one builds on.',
  })
  lineage?: CommitmentLineageInput[];
}
