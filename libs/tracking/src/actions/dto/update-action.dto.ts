import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDateOnly, IsNullable, IsOmittable, NOT_BLANK, Trim } from '@app/core';
import {
  ActionPartnerInput,
  MAX_PARTNERS,
  MAX_TAGS,
  PartnersField,
  TagsField,
} from './action-fields';

/**
 * PATCH /actions/{id}: what the action is about and who carries it out. Its progress
 * (status, health, percentage) changes through progress updates.
 */
export class UpdateActionDto {
  @ApiPropertyOptional({ format: 'uuid', example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c' })
  @IsOmittable()
  @IsUUID()
  trackId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: the action carries out no commitment.',
    example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2',
  })
  @IsNullable()
  @IsUUID()
  commitmentId?: string | null;

  @ApiPropertyOptional({
    maxLength: 300,
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({
    maxLength: 10_000,
    example:
      'Het beleidskader met toetsingsvragen voor taaktoedeling, samen met VNG, IPO en UvW, in samenhang met de UDO.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c' })
  @IsOmittable()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: no person in charge.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  @IsNullable()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null: no start date.',
    example: '2026-01-15',
  })
  @IsNullable()
  @IsDateOnly()
  startDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'Moving the deadline needs a `reason`; it lands in the timeline.',
    example: '2027-03-31',
  })
  @IsOmittable()
  @IsDateOnly()
  deadline?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why the deadline moves.',
    example: 'Het nieuwe kabinet wil het kader eerst combineren met de visie op de regio.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    type: [ActionPartnerInput],
    maxItems: MAX_PARTNERS,
    description: 'Replaces the partners.',
  })
  @IsOmittable()
  @PartnersField()
  partners?: ActionPartnerInput[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_TAGS,
    description: 'Replaces the tags.',
    example: ['beleidskader', 'taakverdeling'],
  })
  @IsOmittable()
  @TagsField()
  tags?: string[];

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "Publish the action in the programme's open data (`GET /v1/programmes/{id}/open-data`): " +
      'its title, description, owner and partner organisations, deadline, status and latest ' +
      'narrative become readable by anyone.',
    example: true,
  })
  @IsOmittable()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    nullable: true,
    description:
      "The action's weight in the roll-up of its commitment, track and parent action (default " +
      '1; null: back to the default). Coordinators only: anyone else gets 403 ' +
      '`ROLLUP_WEIGHT_FORBIDDEN`.',
    example: 2,
  })
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(1000)
  rollupWeight?: number | null;
}
