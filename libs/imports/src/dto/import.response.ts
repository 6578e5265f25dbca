import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { IMPORT_LANGUAGES } from './import.params';

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

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: null })
  rowNumber!: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A cell range, e.g. A1:B2.',
    example: 'A1:B2',
  })
  ref!: string | null;
}

export class ImportNoticeResponse {
  @ApiProperty({
    enum: ['SHEET_IGNORED', 'COLUMN_IGNORED', 'NO_DATA_SHEET'],
    example: 'COLUMN_IGNORED',
  })
  code!: string;

  @ApiProperty({
    description: 'In the import’s language.',
    example: 'De kolom „Opmerkingen intern” is onbekend en wordt niet ingelezen.',
  })
  reason!: string;
}

export class ImportCountsResponse {
  @ApiProperty({ type: 'integer', example: 2 }) create!: number;
  @ApiProperty({ type: 'integer', example: 5 }) update!: number;
  @ApiProperty({ type: 'integer', example: 41 }) unchanged!: number;
  @ApiProperty({ type: 'integer', example: 1 }) conflict!: number;
  @ApiProperty({ type: 'integer', example: 1 }) error!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Rows of both sheets, headers not counted.',
    example: 50,
  })
  total!: number;
}

export class ImportResultsResponse {
  @ApiProperty({ type: 'integer', example: 7 }) applied!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Conflicts where the app’s values were kept.',
    example: 1,
  })
  kept!: number;
  @ApiProperty({ type: 'integer', example: 41 }) unchanged!: number;
  @ApiProperty({ type: 'integer', description: 'Rows with errors, not applied.', example: 1 })
  skipped!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Rows the API refused at the apply (see each row).',
    example: 0,
  })
  failed!: number;
}

export class ImportLinks {
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/imports/6a6f4402-64d2-44ec-b3c5-1f9b80ae25c8',
    },
  })
  self!: Link;
  @ApiProperty({
    type: Link,
    description: 'The dry run’s rows.',
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/imports/6a6f4402-64d2-44ec-b3c5-1f9b80ae25c8/rows',
    },
  })
  rows!: Link;
  @ApiPropertyOptional({
    type: Link,
    description: 'Apply (while the dry run is ready).',
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/imports/6a6f4402-64d2-44ec-b3c5-1f9b80ae25c8/apply',
    },
  })
  apply?: Link;
}

export class ImportResponse {
  @ApiProperty({ format: 'uuid', example: '6a6f4402-64d2-44ec-b3c5-1f9b80ae25c8' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({ example: 'acties-2026.xlsx' }) filename!: string;
  @ApiProperty({ type: 'integer', example: 38912 }) sizeBytes!: number;
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
    example: 1,
  })
  unresolvedConflicts!: number;

  @ApiProperty({
    type: ImportResultsResponse,
    description: 'The apply’s rows per result (so far).',
  })
  results!: ImportResultsResponse;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'The apply’s progress.',
    example: 0,
  })
  progress!: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-26T13:02:11.000Z' })
  createdAt!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-26T13:02:14.000Z',
  })
  plannedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  applyRequestedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  appliedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The import and its file are deleted then.',
    example: '2026-12-03T13:02:11.000Z',
  })
  expiresAt!: string;

  @ApiProperty({ type: ImportLinks }) _links!: ImportLinks;
}

/** An import as the lib answers it: the response without its `_links`, which the API adds. */
export type ImportBody = Omit<ImportResponse, '_links'>;
