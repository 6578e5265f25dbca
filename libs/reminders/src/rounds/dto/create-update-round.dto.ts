import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, IsOmittable, NOT_BLANK, Trim } from '@app/core';

const lowerCaseIds = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id))
    : value;

const idList = (description: string, max: number, example: string[]) => [
  ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: max, description, example }),
  IsOmittable(),
  IsArray(),
  ArrayMinSize(1),
  ArrayMaxSize(max),
  Transform(lowerCaseIds),
  ArrayUnique(),
  IsUUID('all', { each: true }),
];

const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) =>
    decorators.forEach((decorator) => decorator(target, property));

/** Which open actions the round asks: all conditions must hold; none given, all of them. */
export class RoundFilterDto {
  @apply(idList('Only actions of these tracks.', 50, ['9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c']))
  trackIds?: string[];

  @apply(
    idList('Only actions these organisations own (trekker).', 100, [
      '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
    ]),
  )
  ownerOrganisationIds?: string[];

  @apply(idList('Only these actions.', 1000, ['1db9bc4f-a9c7-5dcc-86bc-b301fed52fee']))
  actionIds?: string[];
}

/** POST /programmes/{id}/update-rounds */
export class CreateUpdateRoundDto {
  @ApiProperty({ maxLength: 200, example: 'Voortgangsrapportage Actieagenda voorjaar 2027' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2027-03-15',
    description:
      'The owners are asked for an update by this date (Europe/Amsterdam), today or later.',
  })
  @IsDateOnly()
  dueDate!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'What the coordinator asks, in the request.',
    example:
      'Graag uiterlijk 15 maart per actie de stand van zaken en een toelichting, voor de voortgangsrapportage aan de Tweede Kamer.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  message?: string;

  @ApiPropertyOptional({ type: RoundFilterDto, description: 'Default: every open action.' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RoundFilterDto)
  filter?: RoundFilterDto;
}
