import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { ROW_OUTCOMES } from '../planning/planned-row';
import { IMPORT_LANGUAGES, ROW_CHOICES, ROW_RESULTS } from './import.params';

export const IMPORT_STATUSES = [
  'queued',
  'planning',
  'planned',
  'applying',
  'applied',
  'failed',
] as const;

export class ImportProblemResponse {
  @ApiProperty({
    description:
      'Why the file could not be read: UNREADABLE_FILE, ENCRYPTED_FILE, TOO_MANY_ROWS, TOO_MANY_COLUMNS, ' +
      'CELL_TOO_LONG, ZIP_TOO_LARGE, XML_ENTITIES, MERGED_CELLS; or PLAN_FAILED / APPLY_FAILED.',
    example: 'MERGED_CELLS',
  })
  code!: string;

  @ApiProperty({
    description: 'In the import’s language.',
    example: 'Het tabblad Acties heeft samengevoegde cellen (A1:B2).',
  })
  reason!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Acties' })
  sheet!: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  rowNumber!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A cell range, e.g. A1:B2.' })
  ref!: string | null;
}

export class ImportNoticeResponse {
  @ApiProperty({ enum: ['SHEET_IGNORED', 'COLUMN_IGNORED', 'NO_DATA_SHEET'] })
  code!: string;

  @ApiProperty({ description: 'In the import’s language.' })
  reason!: string;
}

export class ImportCountsResponse {
  @ApiProperty({ type: 'integer' }) create!: number;
  @ApiProperty({ type: 'integer' }) update!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer' }) conflict!: number;
  @ApiProperty({ type: 'integer' }) error!: number;
  @ApiProperty({ type: 'integer', description: 'Rows of both sheets, headers not counted.' })
  total!: number;
}

export class ImportResultsResponse {
  @ApiProperty({ type: 'integer' }) applied!: number;
  @ApiProperty({ type: 'integer', description: 'Conflicts where the app’s values were kept.' })
  kept!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer', description: 'Rows with errors, not applied.' }) skipped!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Rows the API refused at the apply (see each row).',
  })
  failed!: number;
}

export class ImportLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiProperty({ type: Link, description: 'The dry run’s rows.' }) rows!: Link;
  @ApiPropertyOptional({ type: Link, description: 'Apply (while the dry run is ready).' })
  apply?: Link;
}

export class ImportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ example: 'acties-2026.xlsx' }) filename!: string;
  @ApiProperty({ type: 'integer' }) sizeBytes!: number;
  @ApiProperty({ enum: IMPORT_LANGUAGES }) lang!: string;

  @ApiProperty({
    enum: IMPORT_STATUSES,
    description:
      '`queued`/`planning`: the dry run is being made; `planned`: ready to check, choose and apply; ' +
      '`applying`; `applied`; `failed`: see `problem`.',
  })
  status!: string;

  @ApiPropertyOptional({ type: ImportProblemResponse, nullable: true })
  problem!: ImportProblemResponse | null;

  @ApiProperty({ type: [ImportNoticeResponse] })
  notices!: ImportNoticeResponse[];

  @ApiProperty({ type: ImportCountsResponse, description: 'The dry run’s rows per outcome.' })
  counts!: ImportCountsResponse;

  @ApiProperty({
    type: 'integer',
    description: 'Conflicts without a choice yet: the apply waits for none.',
  })
  unresolvedConflicts!: number;

  @ApiProperty({
    type: ImportResultsResponse,
    description: 'The apply’s rows per result (so far).',
  })
  results!: ImportResultsResponse;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'The apply’s progress.' })
  progress!: number;

  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) plannedAt!:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) applyRequestedAt!:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) appliedAt!:
    string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The import and its file are deleted then.',
  })
  expiresAt!: string;

  @ApiProperty({ type: ImportLinks }) _links!: ImportLinks;
}

export class FieldChangeResponse {
  @ApiProperty({ example: 'deadline' }) field!: string;
  @ApiProperty({ description: 'The column’s header.', example: 'Deadline' }) column!: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    description: 'The app’s value (null: empty).',
  })
  from!: string | number | null;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    description: 'The sheet’s value (null: empty).',
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
  @ApiProperty() reason!: string;
}

export class ImportRowLinks {
  @ApiPropertyOptional({ type: Link, description: 'The commitment or action (once it exists).' })
  entity?: Link;
}

export class ImportRowResponse {
  @ApiProperty({
    type: 'integer',
    description: 'The order of the apply; the row’s id in this import.',
  })
  position!: number;

  @ApiProperty({ enum: ['commitments', 'actions'] }) sheet!: string;
  @ApiProperty({ example: 'Acties' }) sheetName!: string;
  @ApiProperty({ type: 'integer', description: 'As the spreadsheet numbers it.' })
  rowNumber!: number;
  @ApiProperty({ enum: ROW_OUTCOMES }) outcome!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment or action (for a new row: the id it gets).',
  })
  entityId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) title!: string | null;

  @ApiProperty({
    type: [FieldChangeResponse],
    description: 'What the row changes (create, update).',
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
  })
  errors!: RowErrorResponse[];

  @ApiPropertyOptional({ enum: ROW_CHOICES, nullable: true, description: 'A conflict’s choice.' })
  choice!: string | null;

  @ApiPropertyOptional({ enum: ROW_RESULTS, nullable: true, description: 'What the apply did.' })
  result!: string | null;

  @ApiPropertyOptional({
    type: RowResultDetailResponse,
    nullable: true,
    description: 'Why a row failed.',
  })
  resultDetail!: RowResultDetailResponse | null;

  @ApiProperty({ type: ImportRowLinks }) _links!: ImportRowLinks;
}
