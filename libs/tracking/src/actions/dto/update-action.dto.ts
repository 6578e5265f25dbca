import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNullable, IsOmittable } from '@app/core';
import { ActionFields, type ActionPartnerInput, PUBLIC_DESCRIPTION } from './action-fields';

/**
 * PATCH /actions/{id}: what the action is about and who carries it out. Its progress
 * (status, health, percentage) changes through progress updates.
 */
export class UpdateActionDto {
  @ActionFields.id('omittable', { example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c' })
  trackId?: string;

  @ActionFields.nullableId({
    description: 'null: the action carries out no commitment.',
    example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2',
  })
  commitmentId?: string | null;

  @ActionFields.title('omittable', {
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title?: string;

  @ActionFields.description({
    example:
      'Het beleidskader met toetsingsvragen voor taaktoedeling, samen met VNG, IPO en UvW, in samenhang met de UDO.',
  })
  description?: string;

  @ActionFields.id('omittable', { example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c' })
  ownerOrganisationId?: string;

  @ActionFields.nullableId({
    description: 'null: no person in charge.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  ownerUserId?: string | null;

  @ActionFields.startDate({ description: 'null: no start date.', example: '2026-01-15' })
  startDate?: string | null;

  @ActionFields.deadline('omittable', {
    description: 'Moving the deadline needs a `reason`; it lands in the timeline.',
    example: '2027-03-31',
  })
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

  @ActionFields.partners({ description: 'Replaces the partners.' })
  partners?: ActionPartnerInput[];

  @ActionFields.tags({
    description: 'Replaces the tags.',
    example: ['beleidskader', 'taakverdeling'],
  })
  tags?: string[];

  @ActionFields.public({ description: PUBLIC_DESCRIPTION, example: true })
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
