import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Field, type FieldText, IsDateOnly, NOT_BLANK, Trim } from '@app/core';
import { PARTNER_ROLES, type PartnerRole } from '../action-states';

/** A tag: lower-case words joined by hyphens, e.g. `wetgeving` or `route-35`. */
export const TAG_PATTERN = /^[a-z0-9à-ÿ]+(-[a-z0-9à-ÿ]+)*$/;
export const MAX_TAGS = 20;
export const MAX_PARTNERS = 50;

export class ActionPartnerInput {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: [...PARTNER_ROLES], enumName: 'PartnerRole', example: 'co_owner' })
  @IsIn(PARTNER_ROLES)
  role!: PartnerRole;
}

/** `partners`: each organisation once, never the owner (checked by the service). */
function PartnersField(): PropertyDecorator {
  const decorators = [
    IsArray(),
    ArrayMaxSize(MAX_PARTNERS),
    ValidateNested({ each: true }),
    Type(() => ActionPartnerInput),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `tags`: lower-cased, unique, at most MAX_TAGS of at most 40 characters. */
function TagsField(): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }): unknown =>
      Array.isArray(value)
        ? (value as unknown[]).map((tag) =>
            typeof tag === 'string' ? tag.trim().toLowerCase() : tag,
          )
        : value,
    ),
    IsArray(),
    ArrayMaxSize(MAX_TAGS),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(TAG_PATTERN, {
      each: true,
      message: 'each tag must be lower-case words joined by hyphens, e.g. route-35',
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * The fields an action's create and update share: each defined once, its schema and rules;
 * the DTOs word their own text (description, example, default).
 */
export const ActionFields = {
  /** A programme's, track's, organisation's … id. */
  id: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(presence, { format: 'uuid', ...text }, IsUUID()),

  /** An id that null clears (the commitment, the person in charge). */
  nullableId: (text: FieldText) =>
    Field('nullable', { type: String, format: 'uuid', nullable: true, ...text }, IsUUID()),

  /** The title: trimmed, not blank, at most 300 characters (the column's length). */
  title: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(
      presence,
      { maxLength: 300, ...text },
      Trim(),
      IsString(),
      MinLength(1),
      MaxLength(300),
      Matches(NOT_BLANK, { message: 'title must not be blank' }),
    ),

  description: (text: FieldText) =>
    Field('omittable', { maxLength: 10_000, ...text }, IsString(), MaxLength(10_000)),

  startDate: (text: FieldText) =>
    Field('nullable', { type: String, format: 'date', nullable: true, ...text }, IsDateOnly()),

  deadline: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(presence, { type: String, format: 'date', ...text }, IsDateOnly()),

  partners: (text: FieldText) =>
    Field(
      'omittable',
      { type: [ActionPartnerInput], maxItems: MAX_PARTNERS, ...text },
      PartnersField(),
    ),

  tags: (text: FieldText) =>
    Field('omittable', { type: [String], maxItems: MAX_TAGS, ...text }, TagsField()),

  public: (text: FieldText) => Field('omittable', { type: Boolean, ...text }, IsBoolean()),
};

/** What `public` does, the same words on a create and a change. */
export const PUBLIC_DESCRIPTION =
  "Publish the action in the programme's open data (`GET /v1/programmes/{id}/open-data`): " +
  'its title, description, owner and partner organisations, deadline, status and latest ' +
  'narrative become readable by anyone.';
