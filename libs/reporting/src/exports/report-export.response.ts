import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { REPORT_FORMATS } from '../progress/dto/progress-report.query';
import type { ReportExportRow } from './report-exports.repository';

export class ReportExportLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiPropertyOptional({ type: Link, description: 'The file; present once the export is done.' })
  file?: Link;
}

export class ReportExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: string;
  @ApiProperty({
    enum: ['queued', 'running', 'done', 'failed'],
    description: 'queued → running → done (or failed after the last retry).',
  })
  status!: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percentage rendered.' }) progress!: number;
  @ApiProperty({ type: String, nullable: true, example: 'voortgangsrapportage-2026-06-30.xlsx' })
  filename!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The size of the file in bytes.' })
  sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'RENDER_FAILED' }) errorCode!:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the export and its file are deleted.' })
  expiresAt!: string;
  @ApiProperty({ type: ReportExportLinks }) _links!: ReportExportLinks;
}

export function mapReportExport(row: ReportExportRow, baseUrl: string): ReportExportResponse {
  const self = `${baseUrl}/v1/report-exports/${row.id}`;
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
    _links: {
      self: { href: self },
      ...(row.status === 'done' ? { file: { href: `${self}/file` } } : {}),
    },
  };
}
