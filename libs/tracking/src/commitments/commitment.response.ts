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
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class CommitmentReferenceResponse {
  @ApiProperty({ example: 'Kamerbrief over de Actieagenda Sterk Bestuur' }) document!: string;
  @ApiProperty({ type: String, nullable: true, example: '29362-296' }) kamerstuk!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date!: string | null;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) url!: string | null;
}

/** A link in the lineage: the other commitment, and how the later one relates to the earlier. */
export class CommitmentLineageResponse {
  @ApiProperty({ enum: LINEAGE_RELATIONS, enumName: 'LineageRelation' })
  relation!: LineageRelation;
  @ApiProperty({ format: 'uuid' }) commitmentId!: string;
  @ApiProperty({ example: 'Investeer in de samenwerking tussen Rijk en medeoverheden' })
  title!: string;
}

export class CommitmentLinks {
  @ApiProperty({ type: Link }) self!: Link;
}

export class CommitmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS, enumName: 'CommitmentKind' }) kind!: CommitmentKind;
  @ApiProperty({ example: 'Investeer in de samenwerking tussen Rijk en medeoverheden' })
  title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2021-05-20' })
  dateAgreed!: string | null;
  @ApiProperty(ATTRIBUTES_SCHEMA) attributes!: Record<string, unknown>;
  @ApiProperty({ type: [CommitmentPartyResponse] }) parties!: CommitmentPartyResponse[];
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
  })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
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

const mapLink = (link: CommitmentLineageResponse): CommitmentLineageResponse => ({
  relation: link.relation,
  commitmentId: link.commitmentId,
  title: link.title,
});

/** The one place that decides what a commitment looks like to clients. */
export function mapCommitment(
  commitment: CommitmentEntity,
  children: CommitmentChildren,
  rollup: Rollup,
  baseUrl: string,
): CommitmentResponse {
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
    _links: { self: { href: `${baseUrl}/v1/commitments/${id}` } },
  };
}
