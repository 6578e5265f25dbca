import {
  type ArgumentMetadata,
  type Type,
  ValidationError,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_UUID, isUUID, ValidationTypes } from 'class-validator';
import { CoreErrors, InvalidParam, toLowerCase } from '@app/core';

/** Flattens class-validator's tree into `invalidParams`: one entry per broken rule, dotted names. */
export function toInvalidParams(errors: ValidationError[], parent = ''): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...toInvalidParams(error.children ?? [], name)];
  });
}

/** A path DTO of one uuid property (`ActionParams`): its name, uuid version and case. */
interface OneUuid {
  property: string;
  version: unknown;
  lowerCase: boolean;
}

/**
 * Whether `metatype` is a DTO of exactly one property, validated by a plain `@IsUUID()` and
 * nothing else, transformed by `@LowerCase()` or not at all: then a valid id can be checked
 * with class-validator's own `isUUID` and the instance built as class-transformer would,
 * without walking both libraries' metadata per request. Anything more (another rule, groups,
 * `each`, a message, `@Type`, `@Expose`, `@Exclude`, another transform) is not.
 */
function oneUuidOf(metatype: Type<unknown>): OneUuid | undefined {
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  if (rules.length !== 1) return undefined;
  const [rule] = rules;
  const plain =
    rule.type === ValidationTypes.CUSTOM_VALIDATION &&
    rule.name === IS_UUID &&
    !rule.each &&
    rule.always === undefined &&
    (rule.groups ?? []).length === 0 &&
    rule.message === undefined &&
    rule.context === undefined &&
    rule.validateIf === undefined &&
    (rule.constraints ?? []).length <= 1;
  if (!plain) return undefined;
  const property = rule.propertyName;
  const transforms = defaultMetadataStorage.findTransformMetadatas(
    metatype,
    property,
    TransformationType.PLAIN_TO_CLASS,
  );
  const lowerCase = transforms.length === 1 && transforms[0].transformFn === toLowerCase;
  const simple =
    (transforms.length === 0 || lowerCase) &&
    defaultMetadataStorage.getStrategy(metatype) === 'none' &&
    defaultMetadataStorage.getExposedMetadatas(metatype).length === 0 &&
    defaultMetadataStorage.getExcludedMetadatas(metatype).length === 0 &&
    defaultMetadataStorage.findTypeMetadata(metatype, property) === undefined;
  return simple ? { property, version: rule.constraints?.[0], lowerCase } : undefined;
}

/**
 * The project's pipe: Nest's ValidationPipe, with a fast path for the commonest argument, a
 * path of one id (`/v1/actions/{id}`). A valid id is answered at once, as the full pipe
 * would answer it (an instance of the DTO, the id lower-cased if it says so); anything else,
 * a malformed id or another key included, goes through the full pipe, so its 400 is the
 * same problem as before.
 */
class ProjectValidationPipe extends ValidationPipe {
  private readonly oneUuids = new Map<Type<unknown>, OneUuid | undefined>();

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (metadata.type === 'param' && metatype !== undefined && value !== null) {
      if (!this.oneUuids.has(metatype)) this.oneUuids.set(metatype, oneUuidOf(metatype));
      const one = this.oneUuids.get(metatype);
      if (one !== undefined && typeof value === 'object') {
        const keys = Object.keys(value);
        const id = (value as Record<string, unknown>)[one.property];
        if (
          keys.length === 1 &&
          keys[0] === one.property &&
          typeof id === 'string' &&
          isUUID(id, one.version as Parameters<typeof isUUID>[1])
        ) {
          const entity = new metatype() as Record<string, unknown>;
          entity[one.property] = one.lowerCase ? id.toLowerCase() : id;
          return Promise.resolve(entity);
        }
      }
    }
    return super.transform(value, metadata);
  }
}

const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => CoreErrors.validationFailed(toInvalidParams(errors)),
};

/**
 * Whitelisting: unknown properties are an error, not silently dropped, so a client learns
 * about a typo at once. All problems are reported together (API Design Rules).
 */
export function createValidationPipe(): ValidationPipe {
  return new ProjectValidationPipe(OPTIONS);
}
