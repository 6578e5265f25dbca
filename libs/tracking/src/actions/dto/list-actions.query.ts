import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  IsDateOnly,
  IsMeOrUserId,
  IsOmittable,
  ME_OR_USER_ID,
  PageQueryDto,
  QueryBoolean,
  QueryList,
} from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
  ESCALATION_FILTER_VALUES,
  type EscalationFilterValue,
  VERIFICATIONS,
  type Verification,
} from '../action-states';
import { COMMITMENT_KINDS, type CommitmentKind } from '../../commitments/commitment.entity';
import { TAG_PATTERN } from './action-fields';
import { SEARCHABLE } from '../../search/search-query';

/** RFC 3339 date-time: ISO 8601's week and ordinal forms are left out. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export const ACTION_SORT_KEYS = ['deadline', 'updatedAt', 'title'] as const;

/** GET /actions: filters combine with AND; a list filter matches any of its values. */
export class ListActionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  track?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  commitment?: string;

  @ApiPropertyOptional({
    enum: COMMITMENT_KINDS,
    description: 'Actions of commitments of this kind.',
  })
  @IsOmittable()
  @IsIn(COMMITMENT_KINDS)
  commitmentKind?: CommitmentKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  ownerOrganisation?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: ME_OR_USER_ID.source,
    description: 'Actions this person owns (`ownerUserId`): `me` for yourself, or a user id.',
    example: 'me',
  })
  @IsOmittable()
  @IsMeOrUserId()
  ownerUser?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Actions this organisation is a partner in.',
  })
  @IsOmittable()
  @IsUUID()
  partnerOrganisation?: string;

  @ApiPropertyOptional({
    enum: ACTION_STATUSES,
    isArray: true,
    description: 'One or more, repeated (`status=a&status=b`) or comma-separated.',
  })
  @IsOmittable()
  @QueryList()
  @IsIn(ACTION_STATUSES, { each: true })
  status?: ActionStatus[];

  @ApiPropertyOptional({
    enum: ACTION_HEALTHS,
    isArray: true,
    description: 'One or more, repeated or comma-separated.',
  })
  @IsOmittable()
  @QueryList()
  @IsIn(ACTION_HEALTHS, { each: true })
  health?: ActionHealth[];

  @ApiPropertyOptional({
    enum: ESCALATION_FILTER_VALUES,
    isArray: true,
    description:
      'Escalation level, one or more, repeated or comma-separated; `none`: not escalated. ' +
      'The open actions of the summary figure `byEscalationLevel.official` are ' +
      '`escalationLevel=official&status=not_started,in_progress`.',
  })
  @IsOmittable()
  @QueryList()
  @IsIn(ESCALATION_FILTER_VALUES, { each: true })
  escalationLevel?: EscalationFilterValue[];

  @ApiPropertyOptional({ enum: VERIFICATIONS })
  @IsOmittable()
  @IsIn(VERIFICATIONS)
  verification?: Verification;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Deadline passed (Europe/Amsterdam) and not closed; false: the others.',
  })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Deadline on or after.' })
  @IsOmittable()
  @IsDateOnly()
  deadlineFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Deadline on or before.' })
  @IsOmittable()
  @IsDateOnly()
  deadlineTo?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Changed at or after this instant (ISO 8601 with a time zone).',
  })
  @IsOmittable()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(RFC3339, {
    message:
      'updatedSince must be an RFC 3339 instant with its time zone, e.g. 2026-11-23T09:00:00Z',
  })
  updatedSince?: string;

  @ApiPropertyOptional({ example: 'wetgeving', pattern: TAG_PATTERN.source })
  @IsOmittable()
  @IsString()
  @Matches(TAG_PATTERN, { message: 'tag must be lower-case words joined by hyphens' })
  tag?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Search: full text (Dutch) over title, description and latest narrative, every word a ' +
      'prefix (`opschaling` finds "opschalingskorting"), web-search syntax ' +
      '(`"bestuurlijk overleg" -jeugd`); or a Kamerstuk of its commitment\'s sources ' +
      '(`29362-290`, `29362 nr. 290`, a dossier `29362`). Needs a letter or digit.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  @Matches(SEARCHABLE, { message: 'q must contain a letter or a digit' })
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the sub-actions of this action.' })
  @IsOmittable()
  @IsUUID()
  parent?: string;

  @ApiPropertyOptional({
    description:
      'Sort keys, comma-separated; a leading minus sorts descending. Keys: deadline (default), updatedAt, title.',
    example: '-updatedAt',
    default: 'deadline',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  sort?: string;
}
