import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  validateSync,
  type ValidationArguments,
  type ValidationError,
} from 'class-validator';
import { IsDateOnly, IsOmittable, NOT_BLANK, Trim, type InvalidParam } from '@app/core';
import type { CommitmentKind } from '../commitment.entity';

export const UDO_PHASES = ['exploration', 'design', 'decision', 'implementation'] as const;
export const CABINET_RESPONSES = ['pending', 'embraced', 'partially_embraced', 'rejected'] as const;
export const CHAMBERS = ['tweede_kamer', 'eerste_kamer'] as const;
/** Tweede Kamer pledges are numbered TZ202401-123; Eerste Kamer pledges T03519. */
export const PLEDGE_NUMBER = /^(TZ[0-9]{6}-[0-9]{1,5}|T[0-9]{5})$/;

export class UdoTrajectoryAttributes {
  @ApiProperty({ maxLength: 300, example: 'Wet versterking regie volkshuisvesting' })
  @Trim()
  @IsString()
  @Matches(NOT_BLANK, { message: 'billOrPolicy must not be blank' })
  @MaxLength(300)
  billOrPolicy!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organisation of the lead ministry.',
    example: 'c5d0f2a1-6b3e-4f7a-9d28-1e4c7b9a0f35',
  })
  @IsOmittable()
  @IsUUID()
  leadMinistryId?: string;

  @ApiProperty({ enum: UDO_PHASES, enumName: 'UdoPhase', example: 'design' })
  @IsIn(UDO_PHASES)
  phase!: (typeof UDO_PHASES)[number];

  @ApiPropertyOptional({ maxLength: 2000, example: 'Afspraak over de uitvoeringskosten' })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  outcome?: string;
}

/** A yearly amount from one year on: to `toYear`, or structurally when that is absent. */
export class FinancialEffect {
  @ApiProperty({
    type: 'integer',
    description: 'Euro per year; negative for a cut (e.g. to the Gemeentefonds).',
    example: 150_000_000,
  })
  @IsInt()
  @Min(-1_000_000_000_000)
  @Max(1_000_000_000_000)
  amountEuroPerYear!: number;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    example: 2029,
    description: 'The last year, on or after fromYear; absent: structural (no end).',
  })
  @IsOmittable()
  @IsInt()
  @Min(2000)
  @Max(2100)
  @ValidateBy({
    name: 'notBeforeFromYear',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'number' || value >= (args?.object as FinancialEffect).fromYear,
      defaultMessage: () => 'toYear must not be before fromYear',
    },
  })
  toYear?: number;
}

export class BofvAgreementAttributes {
  @ApiProperty({ format: 'date', example: '2025-06-11' })
  @IsDateOnly()
  meetingDate!: string;

  @ApiPropertyOptional({ type: FinancialEffect })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => FinancialEffect)
  financialEffect?: FinancialEffect;
}

export class OverhedenoverlegAgreementAttributes {
  @ApiProperty({ format: 'date', example: '2025-10-02' })
  @IsDateOnly()
  meetingDate!: string;
}

export class RobRecommendationAttributes {
  @ApiProperty({ maxLength: 300, example: 'Rol nemen, Ruimte geven' })
  @Trim()
  @IsString()
  @Matches(NOT_BLANK, { message: 'adviceTitle must not be blank' })
  @MaxLength(300)
  adviceTitle!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 3 })
  @IsInt()
  @Min(1)
  @Max(1000)
  recommendationNumber!: number;

  @ApiPropertyOptional({
    enum: CABINET_RESPONSES,
    enumName: 'CabinetResponse',
    default: 'pending',
  })
  @IsIn(CABINET_RESPONSES)
  cabinetResponse: (typeof CABINET_RESPONSES)[number] = 'pending';
}

export class ParliamentaryPledgeAttributes {
  @ApiProperty({ enum: CHAMBERS, enumName: 'Chamber', example: 'tweede_kamer' })
  @IsIn(CHAMBERS)
  chamber!: (typeof CHAMBERS)[number];

  @ApiProperty({ pattern: PLEDGE_NUMBER.source, example: 'TZ202401-123' })
  @IsString()
  @Matches(PLEDGE_NUMBER, {
    message: 'pledgeNumber must be a register number such as TZ202401-123 or T03519',
  })
  pledgeNumber!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Minister van Binnenlandse Zaken' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(200)
  ministerTitle?: string;
}

/** An agenda item has no attributes: `{}`. */
export class AgendaItemAttributes {
  // The one declared property is never allowed: it gives the class validation metadata, so
  // that `{}` passes and any property is refused (forbidUnknownValues refuses bare classes).
  @IsOmittable()
  @Equals(undefined, { message: 'agenda items have no attributes' })
  none?: never;
}

type AttributesClass = new () => object;

export const ATTRIBUTES_OF_KIND: Record<CommitmentKind, AttributesClass> = {
  udo_trajectory: UdoTrajectoryAttributes,
  bofv_agreement: BofvAgreementAttributes,
  overhedenoverleg_agreement: OverhedenoverlegAgreementAttributes,
  rob_recommendation: RobRecommendationAttributes,
  parliamentary_pledge: ParliamentaryPledgeAttributes,
  agenda_item: AgendaItemAttributes,
};

export const isCommitmentKind = (value: unknown): value is CommitmentKind =>
  typeof value === 'string' && Object.hasOwn(ATTRIBUTES_OF_KIND, value);

/** For @Type: the attribute class of the kind named beside `attributes` in the same object. */
export function attributesClassOf(kind: unknown): AttributesClass {
  return isCommitmentKind(kind) ? ATTRIBUTES_OF_KIND[kind] : Object;
}

/** Stored as plain JSON: class instances and absent optional fields left behind. */
export function plainAttributes(attributes: object | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(attributes ?? {})) as Record<string, unknown>;
}

/**
 * Validates `raw` as the attributes of `kind`, as the request pipe would (whitelisting,
 * unknown properties refused). For a change, where the kind is the stored one, not the body's.
 */
export function validateAttributes(
  kind: CommitmentKind,
  raw: object,
): { attributes: Record<string, unknown>; problems: InvalidParam[] } {
  const instance = plainToInstance(ATTRIBUTES_OF_KIND[kind], raw);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return { attributes: plainAttributes(instance), problems: flatten(errors, 'attributes') };
}

function flatten(errors: ValidationError[], parent: string): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...flatten(error.children ?? [], name)];
  });
}
