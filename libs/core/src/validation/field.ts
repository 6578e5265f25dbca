import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsNullable, IsOmittable } from './validators';

/**
 * Decorators as if written one above the other over a property, in this order: applied from
 * the last up, as TypeScript applies stacked decorators, so class-validator checks and
 * reports them exactly as it would the same decorators written out.
 */
export function FieldRules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

/** A field must be sent; may be left out; or may be left out or null (null clears it). */
export type Presence = 'required' | 'omittable' | 'nullable';

/** What one operation says of a field in OpenAPI, beside the schema the field itself has. */
export interface FieldText {
  description?: string;
  example?: unknown;
  default?: unknown;
}

/**
 * A DTO field as one decorator: its OpenAPI entry (required or not), whether it may be left
 * out or null, and the rules its value must meet. A create and its update define such a
 * field once (`ActionFields`, `ProgrammeFields`, …) and each word only their own `FieldText`:
 * the schema's facts (type, format, lengths) and the rules cannot drift apart between them.
 */
export function Field(
  presence: Presence,
  schema: ApiPropertyOptions,
  ...rules: PropertyDecorator[]
): PropertyDecorator {
  return FieldRules(
    presence === 'required' ? ApiProperty(schema) : ApiPropertyOptional(schema),
    ...(presence === 'omittable' ? [IsOmittable()] : presence === 'nullable' ? [IsNullable()] : []),
    ...rules,
  );
}
