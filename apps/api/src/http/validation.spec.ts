import { type Type, type ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID, MaxLength } from 'class-validator';
import { CoreErrors, LowerCase } from '@app/core';
import { ActionParams } from '@app/tracking';
import { createValidationPipe, toInvalidParams } from './validation';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) => ({ property, constraints, children }) as ValidationError;

describe('toInvalidParams', () => {
  it('flattens nested and array errors into dotted names, one entry per rule', () => {
    const errors = [
      error('title', { minLength: 'title is too short', isString: 'title must be a string' }),
      error('partners', undefined, [
        error('0', undefined, [error('role', { isIn: 'role is unknown' })]),
      ]),
      error('owner', undefined, [error('organisationId', { isUuid: 'must be a UUID' })]),
    ];
    expect(toInvalidParams(errors)).toEqual([
      { name: 'title', reason: 'title is too short' },
      { name: 'title', reason: 'title must be a string' },
      { name: 'partners[0].role', reason: 'role is unknown' },
      { name: 'owner.organisationId', reason: 'must be a UUID' },
    ]);
  });
});

class OneId {
  @LowerCase()
  @IsUUID()
  id!: string;
}

class OneIdAsSent {
  @IsUUID('4')
  id!: string;
}

class OneIdMore {
  @IsUUID()
  @MaxLength(10)
  id!: string;
}

class OneIdTyped {
  @Transform(({ value }: { value: unknown }) => `${String(value)}!`)
  @IsUUID()
  id!: string;
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const full = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CoreErrors.validationFailed(toInvalidParams(errors)),
  });
  const outcome = async (p: ValidationPipe, value: unknown, metatype: Type<unknown>) => {
    try {
      const result = await p.transform(value, { type: 'param', metatype });
      return { result, type: (result as object | null)?.constructor };
    } catch (error) {
      return { error: (error as { getResponse?: () => unknown }).getResponse?.() ?? error };
    }
  };
  const upper = 'A5C2E4B1-0F3D-4C6A-9B8E-7D1F2A3B4C5D';

  it.each([
    ['an upper-case id', { id: upper }, OneId],
    ['a lower-case id', { id: upper.toLowerCase() }, OneId],
    ['a malformed id', { id: 'not-a-uuid' }, OneId],
    ['an id with a stray key', { id: upper, other: 'x' }, OneId],
    ['no id', {}, OneId],
    ['a number', { id: 5 }, OneId],
    ['a v4 id as sent', { id: upper }, OneIdAsSent],
    ['a v1 id where v4 is asked', { id: 'a5c2e4b1-0f3d-1c6a-9b8e-7d1f2a3b4c5d' }, OneIdAsSent],
    ['an id a second rule refuses', { id: upper }, OneIdMore],
    ['an id another transform changes', { id: upper }, OneIdTyped],
  ])('answers %s as the full pipe does', async (_name, value, metatype) => {
    const expected = await outcome(full, { ...value }, metatype);
    expect(await outcome(pipe, { ...value }, metatype)).toEqual(expected);
  });

  it('answers a valid id as an instance of the DTO, lower-cased', async () => {
    const result = await pipe.transform({ id: upper }, { type: 'param', metatype: OneId });
    expect(result).toBeInstanceOf(OneId);
    expect(result).toEqual(Object.assign(new OneId(), { id: upper.toLowerCase() }));
  });
});

describe('the fast path of a path of one id', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['ActionParams', ActionParams, false],
    ['a plain @IsUUID()', OneIdAsSent, false],
    ['a second rule', OneIdMore, true],
    ['another transform', OneIdTyped, true],
  ])(
    '%s: the full pipe runs only where the fast path cannot answer',
    async (_n, metatype, full) => {
      const transform = jest.spyOn(ValidationPipe.prototype, 'transform');
      const id = 'a5c2e4b1-0f3d-4c6a-9b8e-7d1f2a3b4c5d';
      await createValidationPipe()
        .transform({ id }, { type: 'param', metatype })
        .catch(() => undefined);
      expect(transform).toHaveBeenCalledTimes(full ? 1 : 0);
    },
  );
});
