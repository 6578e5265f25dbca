import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { REPORT_FORMATS } from '../progress/dto/progress-report.query';
import type { ReportExportRow } from './report-exports.repository';

export class ReportExportLinks {
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/report-exports/93c72cab-181e-42f2-bb5a-6093761e88c5',
    },
  })
  self!: Link;
  @ApiPropertyOptional({
    type: Link,
    description: 'The file; present once the export is done.',
    example: {
      href: 'https://tracker.example.nl/v1/report-exports/93c72cab-181e-42f2-bb5a-6093761e88c5/file',
    },
  })
  file?: Link;
}

export class ReportExportResponse {
  @ApiProperty({ format: 'uuid', example: '93c72cab-181e-42f2-bb5a-6093761e88c5' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: string;
  @ApiProperty({
    enum: ['queued', 'running', 'done', 'failed'],
    description: 'queued → running → done (or failed after the last retry).',
  })
  status!: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percentage rendered.', example: 100 })
  progress!: number;
  @ApiProperty({ type: String, nullable: true, example: 'voortgangsrapportage-2026-06-30.xlsx' })
  filename!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The size of the file in bytes.',
    example: 48213,
  })
  sizeBytes!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why it failed: RENDER_FAILED (after its retries) or REPORT_TOO_LARGE (a draft letter ' +
      'of more actions than REPORT_LETTER_MAX_ACTIONS).',
    example: 'RENDER_FAILED',
  })
  errorCode!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-07-01T06:12:40.000Z' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-07-01T06:12:45.000Z',
  })
  finishedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    description: 'When the export and its file are deleted.',
    example: '2026-07-08T06:12:45.000Z',
  })
  expiresAt!: string;
  @ApiProperty({ type: ReportExportLinks }) _links!: ReportExportLinks;
}

/** A report export as the libs answer it: the response without its `_links`, which the API adds. */
export type ReportExportBody = Omit<ReportExportResponse, '_links'>;

export function mapReportExport(row: ReportExportRow): ReportExportBody {
  return {
    id: row.id,
    programmeId: row.programmeId,
    format: row.format,
    status: row.status,
    progress: row.progress,
    filename: row.filename,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    errorCode: row.errorCode,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}
