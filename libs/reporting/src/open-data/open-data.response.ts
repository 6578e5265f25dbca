import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { OPEN_DATA_LICENCE_IDS } from '@app/identity';
import { ACTION_HEALTHS, ACTION_STATUSES, COMMITMENT_KINDS } from '@app/tracking';
import type { ActionHealth, ActionStatus, CommitmentKind } from '@app/tracking';
import { PARLIAMENT_STATUS_TERMS } from '../vocabularies';
import { describeField as d, OPEN_DATA_FIELD_NAMES, type OpenDataField } from './open-data.fields';

/** One public action: exactly the documented fields (README "Open data"), nothing personal. */
export class OpenDataActionResponse {
  @ApiProperty({
    format: 'uuid',
    description: d('id'),
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  id!: string;
  @ApiProperty({
    description: d('title'),
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title!: string;
  @ApiProperty({
    description: d('description'),
    example:
      'Het beleidskader met toetsingsvragen voor taaktoedeling, samen met VNG, IPO en UvW, in samenhang met de UDO.',
  })
  description!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: d('track'),
    example: 'Een passende verdeling van taken en bevoegdheden tussen overheden',
  })
  track!: string | null;
  @ApiProperty({
    type: String,
    enum: [...COMMITMENT_KINDS],
    nullable: true,
    description: d('commitmentKind'),
    example: 'agenda_item',
  })
  commitmentKind!: CommitmentKind | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: d('commitmentTitle'),
    example: 'Beleidskader decentraal bestuur',
  })
  commitmentTitle!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: d('sourceReference'),
    example:
      'Brief van de minister van BZK aan de Eerste Kamer over één jaar Actieagenda Sterk Bestuur (Kamerstukken I 2023-2024, 29 362, M), kamerstuk 29362-M',
  })
  sourceReference!: string | null;
  @ApiProperty({ example: 'BZK', description: d('ownerOrganisation') })
  ownerOrganisation!: string;
  @ApiProperty({
    description: d('ownerOrganisationName'),
    example: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  })
  ownerOrganisationName!: string;
  @ApiProperty({ type: [String], example: ['IPO', 'VNG'], description: d('partnerOrganisations') })
  partnerOrganisations!: string[];
  @ApiProperty({ type: String, format: 'date', description: d('deadline'), example: '2027-03-31' })
  deadline!: string;
  @ApiProperty({ enum: [...ACTION_STATUSES], description: d('status'), example: 'in_progress' })
  status!: ActionStatus;
  @ApiProperty({
    enum: [...PARLIAMENT_STATUS_TERMS],
    description: d('statusParliament'),
    example: 'Openstaand',
  })
  statusParliament!: string;
  @ApiProperty({ enum: [...ACTION_HEALTHS], description: d('health'), example: 'at_risk' })
  health!: ActionHealth;
  @ApiProperty({ minimum: 0, maximum: 100, description: d('percentComplete'), example: 60 })
  percentComplete!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: d('closedAt'),
    example: null,
  })
  closedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: d('latestNarrative'),
    example: 'Het conceptkader is met VNG, IPO en UvW besproken; vaststelling in het BO.',
  })
  latestNarrative!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: d('latestNarrativeDate'),
    example: '2026-11-24',
  })
  latestNarrativeDate!: string | null;
  @ApiProperty({
    format: 'date-time',
    description: d('updatedAt'),
    example: '2026-11-24T10:12:31.000Z',
  })
  updatedAt!: string;
}

export class OpenDataProgrammeResponse {
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' }) id!: string;
  @ApiProperty({ example: 'Actieagenda Sterk Bestuur' }) name!: string;
}

/** The licence the programme publishes its open data under (data.overheid.nl's list). */
export class OpenDataLicenceResponse {
  @ApiProperty({
    enum: [...OPEN_DATA_LICENCE_IDS],
    description: 'The programme’s choice: `cc0-1.0` (the default), `cc-by-4.0` or `pdm-1.0`.',
    example: 'cc0-1.0',
  })
  id!: string;
  @ApiProperty({
    format: 'uri',
    description:
      'The licence’s URI as data.overheid.nl’s licence list (DCAT-AP-DONL `donl:License`) ' +
      'spells it; also in the `Link: <uri>; rel="license"` header.',
    example: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
  })
  uri!: string;
  @ApiProperty({ example: 'CC0 1.0 Universeel (Publiek Domein Verklaring)' })
  name!: string;
}

export class OpenDataLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiPropertyOptional({ type: Link, description: 'The next page; absent on the last page.' })
  next?: Link;
  @ApiPropertyOptional({ type: Link, description: 'The previous page; absent on the first page.' })
  prev?: Link;
}

/** The JSON form: the programme, the field list and one page of its public actions. */
export class OpenDataResponse {
  @ApiProperty({ type: OpenDataProgrammeResponse }) programme!: OpenDataProgrammeResponse;
  @ApiProperty({
    format: 'date-time',
    description: 'When this answer was made (UTC).',
    example: '2026-12-04T08:05:00.000Z',
  })
  generatedAt!: string;
  @ApiProperty({
    type: OpenDataLicenceResponse,
    description: 'The licence of the data; every action is published under it.',
  })
  licence!: OpenDataLicenceResponse;
  @ApiProperty({
    type: [String],
    example: [...OPEN_DATA_FIELD_NAMES],
    description: 'The fields of each action, in the order of the CSV columns.',
  })
  fields!: OpenDataField[];
  @ApiProperty({
    type: [OpenDataActionResponse],
    description: 'The public actions, by deadline (then id); empty when none is public.',
  })
  actions!: OpenDataActionResponse[];
  @ApiProperty({ type: OpenDataLinks }) _links!: OpenDataLinks;
}
