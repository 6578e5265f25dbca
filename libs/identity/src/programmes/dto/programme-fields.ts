import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, type FieldText } from '@app/core';
import { PROGRAMME_STATUSES } from '../programme.entity';
import {
  IsDateOnly,
  MAX_TRACK_POSITION,
  NOT_BLANK,
  SLUG_MESSAGE,
  SLUG_PATTERN,
} from './validators';

/**
 * The fields a programme's and a track's create and update share: each defined once, its
 * schema and rules; the DTOs word their own text (description, example, default).
 */
export const ProgrammeFields = {
  /** A programme's or a track's name: not blank, at most 200 characters. */
  name: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(
      presence,
      { maxLength: 200, ...text },
      IsString(),
      MaxLength(200),
      Matches(NOT_BLANK, { message: 'name must not be blank' }),
    ),

  slug: (presence: 'required' | 'omittable', text: FieldText) =>
    Field(
      presence,
      { maxLength: 80, pattern: SLUG_PATTERN.source, ...text },
      IsString(),
      MaxLength(80),
      Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }),
    ),

  /** A programme's or a track's description: at most 10,000 characters. */
  description: (text: FieldText) =>
    Field('omittable', { maxLength: 10_000, ...text }, IsString(), MaxLength(10_000)),

  /** A start or end date; null clears it. */
  date: (text: FieldText) =>
    Field('nullable', { type: String, format: 'date', nullable: true, ...text }, IsDateOnly()),

  status: (text: FieldText) =>
    Field(
      'omittable',
      { enum: [...PROGRAMME_STATUSES], enumName: 'ProgrammeStatus', ...text },
      IsIn(PROGRAMME_STATUSES),
    ),

  /** A track's place among its programme's tracks, 0 first. */
  trackPosition: (text: FieldText) =>
    Field(
      'omittable',
      { type: 'integer', minimum: 0, maximum: MAX_TRACK_POSITION, ...text },
      IsInt(),
      Min(0),
      Max(MAX_TRACK_POSITION),
    ),
};
