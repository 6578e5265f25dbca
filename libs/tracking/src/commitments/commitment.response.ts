import { ApiProperty } from '@nestjs/swagger';
import { Link } from '@app/core';
import {
  COMMITMENT_KINDS,
  type CommitmentEntity,
  type CommitmentKind,
  LINEAGE_RELATIONS,
  type LineageRelation,
} from './commitment.entity';
import { type Rollup } from '../rollups/rollup';
import { RollupResponse } from '../rollups/rollup.response';
import { ATTRIBUTES_SCHEMA } from './dto/create-commitment.dto';

export class CommitmentPartyResponse {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class CommitmentReferenceResponse {
  @ApiProperty({
    example:
      'Brief van de minister van BZK over het ROB-rapport «Rol nemen, Ruimte geven» (Kamerstukken II 2020-2021, 29 362, nr. 296)',
  })
  document!: string;
  @ApiProperty({ type: String, nullable: true, example: '29362-296' }) kamerstuk!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2021-07-06' }) date!:
    string | null;
  @ApiProperty({
    type: String,
    format: 'uri',
    nullable: true,
    example: 'https://zoek.officielebekendmakingen.nl/kst-29362-296.html',
  })
  url!: string | null;
}

/** A link in the lineage: the other commitment, and how the later one relates to the earlier. */
export class CommitmentLineageResponse {
  @ApiProperty({ enum: LINEAGE_RELATIONS, enumName: 'LineageRelation', example: 'supplements' })
  relation!: LineageRelation;
  @ApiProperty({ format: 'uuid', example: '5c2fe98c-4ff8-526d-82ef-16c48eca334f' })
  commitmentId!: string;
  @ApiProperty({
    example: 'Verwachtingen expliciteren bij de start van een interbestuurlijke samenwerking',
  })
  title!: string;
}

export class CommitmentLinks {
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/commitments/21be4a3a-03cc-5c62-afa6-c307e622f717',
    },
  })
  self!: Link;
}

export class CommitmentResponse {
  @ApiProperty({ format: 'uuid', example: '21be4a3a-03cc-5c62-afa6-c307e622f717' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({
    enum: COMMITMENT_KINDS,
    enumName: 'CommitmentKind',
    example: 'rob_recommendation',
  })
  kind!: CommitmentKind;
  @ApiProperty({
    example: 'Scherper beeld van de regio: kennis en personeel uitwisselen tussen Rijk en regio',
  })
  title!: string;
  @ApiProperty({
    example:
      'De ROB adviseert meer kennis- en personeelsuitwisseling tussen Rijk en medeoverheden, training in interbestuurlijk en integraal samenwerken, en per ministerie een eigen visie op interbestuurlijk samenwerken binnen kaders van BZK.',
  })
  description!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2021-07-06' })
  dateAgreed!: string | null;
  @ApiProperty({
    ...ATTRIBUTES_SCHEMA,
    example: {
      adviceTitle: 'Rol nemen, Ruimte geven',
      recommendationNumber: 3,
      cabinetResponse: 'partially_embraced',
    },
  })
  attributes!: Record<string, unknown>;
  @ApiProperty({
    type: [CommitmentPartyResponse],
    example: [
      {
        id: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
        code: 'BZK',
        name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
      },
      {
        id: 'a7e1162b-9320-4183-bc56-29bdd5ce56f4',
        code: 'ROB',
        name: 'Raad voor het Openbaar Bestuur',
      },
    ],
  })
  parties!: CommitmentPartyResponse[];
  @ApiProperty({ type: [CommitmentReferenceResponse], description: 'In the order given.' })
  references!: CommitmentReferenceResponse[];
  @ApiProperty({
    type: [CommitmentLineageResponse],
    description: 'The earlier commitments this one repeats, supplements or amends.',
  })
  lineage!: CommitmentLineageResponse[];
  @ApiProperty({
    type: [CommitmentLineageResponse],
    description: 'The later commitments that build on this one, with how they relate to it.',
    example: [],
  })
  laterCommitments!: CommitmentLineageResponse[];
  @ApiProperty({
    type: RollupResponse,
    description: 'Progress and health derived from its actions (sub-actions included).',
  })
  rollup!: RollupResponse;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Moves forward with every change; the ETag is "<version>".',
    example: 2,
  })
  version!: number;
  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-02T14:05:48.000Z' }) updatedAt!: string;
  @ApiProperty({ type: CommitmentLinks }) _links!: CommitmentLinks;
}

/** A commitment's own rows and its neighbours in the lineage, as the repository reads them. */
export interface CommitmentChildren {
  parties: CommitmentPartyResponse[];
  references: CommitmentReferenceResponse[];
  lineage: CommitmentLineageResponse[];
  later: CommitmentLineageResponse[];
}

export const NO_CHILDREN: CommitmentChildren = {
  parties: [],
  references: [],
  lineage: [],
  later: [],
};

/** A commitment as the libs answer it: the response without its `_links`, which the API adds. */
export type CommitmentBody = Omit<CommitmentResponse, '_links'>;

const mapLink = (link: CommitmentLineageResponse): CommitmentLineageResponse => ({
  relation: link.relation,
  commitmentId: link.commitmentId,
  title: link.title,
});

/** The one place that decides what a commitment looks like to clients (the API adds its links). */
export function mapCommitment(
  commitment: CommitmentEntity,
  children: CommitmentChildren,
  rollup: Rollup,
): CommitmentBody {
  const id = commitment.id;
  return {
    id,
    programmeId: commitment.programmeId,
    kind: commitment.kind,
    title: commitment.title,
    description: commitment.description,
    dateAgreed: commitment.dateAgreed,
    attributes: commitment.attributes,
    parties: children.parties.map((party) => ({
      id: party.id,
      code: party.code,
      name: party.name,
    })),
    references: children.references.map((reference) => ({
      document: reference.document,
      kamerstuk: reference.kamerstuk,
      date: reference.date,
      url: reference.url,
    })),
    lineage: children.lineage.map(mapLink),
    laterCommitments: children.later.map(mapLink),
    rollup,
    version: commitment.version,
    createdAt: commitment.createdAt.toISOString(),
    updatedAt: commitment.updatedAt.toISOString(),
  };
}
