import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CSV_SEPARATORS, type CsvSeparator, IsOmittable, PageQueryDto } from '@app/core';

export const OPEN_DATA_FORMATS = ['json', 'csv'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** `GET /programmes/{id}/open-data`: the page (JSON only), the format and the CSV separator. */
export class OpenDataQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: [...OPEN_DATA_FORMATS],
    description:
      'The format; overrides `Accept`. Without it, `Accept: text/csv` gives CSV and anything ' +
      'else JSON.',
  })
  @IsOmittable()
  @IsIn(OPEN_DATA_FORMATS)
  format?: OpenDataFormat;

  @ApiPropertyOptional({
    enum: Object.keys(CSV_SEPARATORS),
    default: 'comma',
    description: 'CSV only: `semicolon` for Excel with Dutch regional settings.',
  })
  @IsOmittable()
  @IsIn(Object.keys(CSV_SEPARATORS))
  separator?: CsvSeparator;
}
