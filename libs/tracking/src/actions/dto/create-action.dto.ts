import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDateOnly, IsNullable, IsOmittable, NOT_BLANK, Trim } from '@app/core';
import {
  ActionPartnerInput,
  MAX_PARTNERS,
  MAX_TAGS,
  PartnersField,
  TagsField,
} from './action-fields';

/** POST /actions: a new action starts not started, health not set, self-reported. */
export class CreateActionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The programme the action belongs to.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @IsUUID()
  programmeId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The line of work; a sub-action takes its parent's when left out.",
    example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c',
  })
  @IsOmittable()
  @IsUUID()
  trackId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment it carries out; null or left out: none.',
    example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2',
  })
  @IsNullable()
  @IsUUID()
  commitmentId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Makes this a sub-action (milestone) of a top-level action in the programme.',
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  @IsOmittable()
  @IsUUID()
  parentActionId?: string;

  @ApiProperty({ maxLength: 300, example: 'Beleidskader decentraal bestuur vaststellen' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({
    maxLength: 10_000,
    default: '',
    example:
      'Het beleidskader na instemming van VNG, IPO en UvW ter vaststelling aan de ministerraad voorleggen.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The accountable organisation (trekker).',
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  @IsUUID()
  ownerOrganisationId!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The person in charge, of that organisation; null or left out: nobody yet.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  @IsNullable()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-01-15',
    description: 'null or left out: no start date.',
  })
  @IsNullable()
  @IsDateOnly()
  startDate?: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'A date in Europe/Amsterdam; on or after startDate.',
    example: '2027-03-31',
  })
  @IsDateOnly()
  deadline!: string;

  @ApiPropertyOptional({ type: [ActionPartnerInput], maxItems: MAX_PARTNERS })
  @IsOmittable()
  @PartnersField()
  partners?: ActionPartnerInput[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['wetgeving', 'route-35'] })
  @IsOmittable()
  @TagsField()
  tags?: string[];

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      "Publish the action in the programme's open data (`GET /v1/programmes/{id}/open-data`): " +
      'its title, description, owner and partner organisations, deadline, status and latest ' +
      'narrative become readable by anyone.',
    example: true,
  })
  @IsOmittable()
  @IsBoolean()
  public?: boolean;
}
