import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto, QueryBoolean, QueryList } from '@app/core';
import { ProgrammeParams } from '@app/identity';
import { ROW_OUTCOMES, type RowOutcome } from '../planning/planned-row';

export const IMPORT_LANGUAGES = ['nl', 'en'] as const;
export const ROW_RESULTS = ['applied', 'kept', 'unchanged', 'skipped', 'failed'] as const;
export const ROW_CHOICES = ['sheet', 'app'] as const;

/** `/programmes/{id}/imports/{importId}` */
export class ImportParams extends ProgrammeParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The import.',
    example: '6a6f4402-64d2-44ec-b3c5-1f9b80ae25c8',
  })
  @LowerCase()
  @IsUUID()
  importId!: string;
}

/** `GET /programmes/{id}/import-template.xlsx` */
export class ImportTemplateQuery {
  @ApiPropertyOptional({
    enum: IMPORT_LANGUAGES,
    default: 'nl',
    description: 'The language of headers, lists and instructions.',
  })
  @IsOmittable()
  @IsIn(IMPORT_LANGUAGES)
  lang?: 'nl' | 'en';

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'true: filled with the programme’s commitments and actions, each row with its key and version.',
  })
  @IsOmittable()
  @QueryBoolean()
  @IsIn([true, false], { message: 'filled must be true or false' })
  filled?: boolean;
}

/** The form fields beside the file of `POST /programmes/{id}/imports`. */
export class CreateImportBody {
  @ApiPropertyOptional({
    enum: IMPORT_LANGUAGES,
    default: 'nl',
    description: 'The language of the dry run’s messages.',
  })
  @IsOmittable()
  @IsIn(IMPORT_LANGUAGES)
  lang?: 'nl' | 'en';
}

/** `GET /programmes/{id}/imports/{importId}/rows` */
export class ListImportRowsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    type: [String],
    enum: ROW_OUTCOMES,
    description: 'Only rows with these outcomes (comma-separated or repeated).',
  })
  @IsOmittable()
  @QueryList()
  @IsIn(ROW_OUTCOMES, { each: true })
  outcome?: RowOutcome[];

  @ApiPropertyOptional({
    enum: ['commitments', 'actions'],
    description: 'Only the rows of one sheet.',
  })
  @IsOmittable()
  @IsIn(['commitments', 'actions'])
  sheet?: 'commitments' | 'actions';

  @ApiPropertyOptional({
    type: [String],
    enum: ROW_RESULTS,
    description: 'Only rows the apply gave these results (comma-separated or repeated).',
  })
  @IsOmittable()
  @QueryList()
  @IsIn(ROW_RESULTS, { each: true })
  result?: (typeof ROW_RESULTS)[number][];
}

/** Past any row (two sheets of at most 200,000); a larger number would not fit PostgreSQL's integer. */
const MAX_POSITION = 1_000_000;

export class RowChoiceInput {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_POSITION,
    description: 'The row’s position in the import.',
    example: 3,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_POSITION)
  position!: number;

  @ApiProperty({
    enum: ROW_CHOICES,
    description:
      '`sheet`: apply the sheet’s values; `app`: keep the app’s (the row is not applied).',
  })
  @IsIn(ROW_CHOICES)
  choice!: 'sheet' | 'app';
}

/** `POST /programmes/{id}/imports/{importId}/choices` */
export class ChooseRowsDto {
  @ApiProperty({ type: [RowChoiceInput], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RowChoiceInput)
  choices!: RowChoiceInput[];
}
