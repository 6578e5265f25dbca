import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
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
export function PartnersField(): PropertyDecorator {
  const decorators = [
    IsArray(),
    ArrayMaxSize(MAX_PARTNERS),
    ValidateNested({ each: true }),
    Type(() => ActionPartnerInput),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `tags`: lower-cased, unique, at most MAX_TAGS of at most 40 characters. */
export function TagsField(): PropertyDecorator {
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
