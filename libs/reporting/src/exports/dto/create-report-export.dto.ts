import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CSV_SEPARATORS, type CsvSeparator, IsOmittable, LowerCase } from '@app/core';
import {
  REPORT_FORMATS,
  type ReportFormat,
  ReportOptionsQuery,
} from '../../progress/dto/progress-report.query';

/** POST /report-exports: a progress report to render in the background. */
export class CreateReportExportDto extends ReportOptionsQuery {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme whose progress report to export.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @LowerCase()
  @IsUUID()
  programmeId!: string;

  @ApiProperty({ enum: REPORT_FORMATS, example: 'xlsx' })
  @IsIn(REPORT_FORMATS)
  format!: ReportFormat;

  @ApiPropertyOptional({ enum: Object.keys(CSV_SEPARATORS), description: 'CSV only.' })
  @IsOmittable()
  @IsIn(Object.keys(CSV_SEPARATORS))
  separator?: CsvSeparator;
}
