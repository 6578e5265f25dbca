import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { ROW_OUTCOMES } from '../planning/planned-row';
import { ROW_CHOICES, ROW_RESULTS } from './import.params';

export class FieldChangeResponse {
  @ApiProperty({ example: 'deadline' }) field!: string;
  @ApiProperty({ description: 'The column’s header.', example: 'Deadline' }) column!: string;

  @ApiPropertyOptional({
    // `nullable` on the string branch: OAS 3.0 allows it only beside a `type`.
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }],
    description: 'The app’s value (null: empty).',
    example: '2026-06-30',
  })
  from!: string | number | null;

  @ApiPropertyOptional({
    // `nullable` on the string branch: OAS 3.0 allows it only beside a `type`.
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }],
    description: 'The sheet’s value (null: empty).',
    example: '2027-03-31',
  })
  to!: string | number | null;
}

export class RowErrorResponse {
  @ApiProperty({ example: 'Deadline' }) column!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'J' }) columnLetter!: string | null;
  @ApiProperty({ example: 'deadline' }) field!: string;
  @ApiProperty({ example: 'INVALID_DATE' }) code!: string;
  @ApiProperty({ example: 'Geen geldige datum. Schrijf bijvoorbeeld 31-12-2026.' }) reason!: string;
}

export class RowResultDetailResponse {
  @ApiProperty({ example: 'VERSION_CONFLICT' }) code!: string;
  @ApiProperty({
    example: 'De actie is in de app gewijzigd na de export (versie 7; het blad heeft versie 6).',
  })
  reason!: string;
}

export class ImportRowLinks {
  @ApiPropertyOptional({
    type: Link,
    description: 'The commitment or action (once it exists).',
    example: { href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' },
  })
  entity?: Link;
}

export class ImportRowResponse {
  @ApiProperty({
    type: 'integer',
    description: 'The order of the apply; the row’s id in this import.',
    example: 3,
  })
  position!: number;

  @ApiProperty({ enum: ['commitments', 'actions'], example: 'actions' }) sheet!: string;
  @ApiProperty({ example: 'Acties' }) sheetName!: string;
  @ApiProperty({ type: 'integer', description: 'As the spreadsheet numbers it.', example: 4 })
  rowNumber!: number;
  @ApiProperty({ enum: ROW_OUTCOMES, example: 'conflict' }) outcome!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment or action (for a new row: the id it gets).',
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  entityId!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title!: string | null;

  @ApiProperty({
    type: [FieldChangeResponse],
    description: 'What the row changes (create, update).',
    example: [],
  })
  changes!: FieldChangeResponse[];

  @ApiProperty({
    type: [FieldChangeResponse],
    description: 'A conflict: the fields that differ, `from` the app’s value now `to` the sheet’s.',
  })
  conflicts!: FieldChangeResponse[];

  @ApiProperty({
    type: [RowErrorResponse],
    description: 'Every problem of the row, each at its cell.',
    example: [],
  })
  errors!: RowErrorResponse[];

  @ApiPropertyOptional({
    enum: ROW_CHOICES,
    nullable: true,
    description: 'A conflict’s choice.',
    example: 'sheet',
  })
  choice!: string | null;

  @ApiPropertyOptional({
    enum: ROW_RESULTS,
    nullable: true,
    description: 'What the apply did.',
    example: 'failed',
  })
  result!: string | null;

  @ApiPropertyOptional({
    type: RowResultDetailResponse,
    nullable: true,
    description: 'Why a row failed.',
  })
  resultDetail!: RowResultDetailResponse | null;

  @ApiProperty({ type: ImportRowLinks }) _links!: ImportRowLinks;
}

/**
 * A row of an import as the lib answers it: without its `_links`, with the entity the API
 * links it to (`entity`), when that exists.
 */
export type ImportRowBody = Omit<ImportRowResponse, '_links'> & {
  linkedEntity: { kind: 'action' | 'commitment'; id: string } | null;
};
