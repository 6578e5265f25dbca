import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, type FieldText, IsDateOnly, IsNullable, NOT_BLANK, Trim } from '@app/core';
import { LINEAGE_RELATIONS, type LineageRelation } from '../commitment.entity';

/** Mirrors ck_commitment_references_kamerstuk: a dossier number and its sub-numbers. */
export const KAMERSTUK_PATTERN = /^[0-9]{2,6}(-[A-Z0-9]{1,10}){1,3}$/;
export const MAX_PARTIES = 50;
export const MAX_REFERENCES = 20;
export const MAX_LINEAGE = 20;

/** Where a commitment is recorded: a document, its Kamerstuk number, date and address. */
export class CommitmentReferenceInput {
  @ApiProperty({
    maxLength: 300,
    example:
      'Brief van de minister van BZK over het ROB-rapport «Rol nemen, Ruimte geven» (Kamerstukken II 2020-2021, 29 362, nr. 296)',
  })
  @Trim()
  @IsString()
  @Matches(NOT_BLANK, { message: 'document must not be blank' })
  @MaxLength(300)
  document!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: KAMERSTUK_PATTERN.source,
    description: 'Kamerstuk number: dossier, then the document number(s). null: none.',
    example: '29362-296',
  })
  @IsNullable()
  @IsString()
  @Matches(KAMERSTUK_PATTERN, { message: 'kamerstuk must look like 29362-296' })
  kamerstuk?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2021-07-06',
    description: 'The date of the document. null: none.',
  })
  @IsNullable()
  @IsDateOnly()
  date?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: 2000,
    example: 'https://zoek.officielebekendmakingen.nl/kst-29362-296.html',
    description: 'Where the document is published. null: none.',
  })
  @IsNullable()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https address' },
  )
  // The database's check reads the scheme in lower case only.
  @Matches(/^https?:\/\//, { message: 'url must start with http:// or https://' })
  @MaxLength(2000)
  url?: string | null;
}

/** An earlier commitment of the same programme that this one repeats, supplements or amends. */
export class CommitmentLineageInput {
  @ApiProperty({ enum: LINEAGE_RELATIONS, enumName: 'LineageRelation', example: 'supplements' })
  @IsIn(LINEAGE_RELATIONS)
  relation!: LineageRelation;

  @ApiProperty({
    format: 'uuid',
    description: 'The earlier commitment.',
    example: '5c2fe98c-4ff8-526d-82ef-16c48eca334f',
  })
  @IsUUID()
  commitmentId!: string;
}

// Each rule set below checks in the order it lists (applyDecorators); `Field` adds whether the
// property may be left out or null.

/** The title: trimmed, not blank, at most 300 characters (the column's length). */
const TitleRules = () =>
  applyDecorators(
    Trim(),
    IsString(),
    Matches(NOT_BLANK, { message: 'title must not be blank' }),
    MaxLength(300),
  );

const DescriptionRules = () => applyDecorators(IsString(), MaxLength(20_000));

const PartiesRules = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_PARTIES),
    ArrayUnique(undefined, { message: 'parties must not name an organisation twice' }),
    IsUUID('all', { each: true }),
  );

const ReferencesRules = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_REFERENCES),
    ValidateNested({ each: true }),
    Type(() => CommitmentReferenceInput),
  );

const LineageRules = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_LINEAGE),
    ArrayUnique((item: unknown) => (item as { commitmentId?: unknown } | null)?.commitmentId, {
      message: 'lineage must not name an earlier commitment twice',
    }),
    ValidateNested({ each: true }),
    Type(() => CommitmentLineageInput),
  );

/**
 * The fields a commitment's create and update share: each defined once, its schema and
 * rules; the DTOs word their own text (description, example, default). `attributes` is not
 * among them: a create validates it against the kind sent beside it, an update against the
 * stored kind.
 */
export const CommitmentFields = {
  title: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(presence, { maxLength: 300, ...text }, TitleRules()),

  description: (text: FieldText) =>
    Field('omittable', { maxLength: 20_000, ...text }, DescriptionRules()),

  /** Absent or null: no date (null clears it on a change). */
  dateAgreed: (text: FieldText) =>
    Field('nullable', { type: String, format: 'date', nullable: true, ...text }, IsDateOnly()),

  parties: (text: FieldText) =>
    Field(
      'omittable',
      { type: [String], format: 'uuid', maxItems: MAX_PARTIES, ...text },
      PartiesRules(),
    ),

  references: (text: FieldText) =>
    Field(
      'omittable',
      { type: [CommitmentReferenceInput], maxItems: MAX_REFERENCES, ...text },
      ReferencesRules(),
    ),

  lineage: (text: FieldText) =>
    Field(
      'omittable',
      { type: [CommitmentLineageInput], maxItems: MAX_LINEAGE, ...text },
      LineageRules(),
    ),
};
