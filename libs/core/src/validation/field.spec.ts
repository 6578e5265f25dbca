import { IsInt, IsString, Matches, MaxLength, Min, validate } from 'class-validator';
import { Field, FieldRules } from './field';
import { IsOmittable, NOT_BLANK } from './validators';

class Stacked {
  @IsString()
  @MaxLength(5)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: unknown;

  @IsOmittable()
  @IsInt()
  @Min(1)
  count?: unknown;
}

const NameRules = () =>
  FieldRules(IsString(), MaxLength(5), Matches(NOT_BLANK, { message: 'name must not be blank' }));
const CountRules = () => FieldRules(IsInt(), Min(1));

class Shared {
  @NameRules()
  name!: unknown;

  @IsOmittable()
  @CountRules()
  count?: unknown;
}

async function problems(type: new () => object, values: Record<string, unknown>) {
  const errors = await validate(Object.assign(new type(), values));
  return errors.map((error) => [error.property, Object.keys(error.constraints ?? {})]);
}

describe('FieldRules', () => {
  it('checks and reports the rules in the order stacked decorators would', async () => {
    for (const values of [{ name: 7, count: 'x' }, { name: '      ' }, { name: 'ok', count: 0 }]) {
      const stacked = await problems(Stacked, values);
      expect(await problems(Shared, values)).toEqual(stacked);
    }
    expect(await problems(Shared, { name: 7, count: 'x' })).toEqual([
      ['name', ['matches', 'maxLength', 'isString']],
      ['count', ['min', 'isInt']],
    ]);
  });

  it('leaves an omitted field alone when IsOmittable stands beside the rules', async () => {
    expect(await problems(Shared, { name: 'ok' })).toEqual([]);
    expect(await problems(Shared, { name: 'ok', count: null })).toEqual([
      ['count', ['min', 'isInt']],
    ]);
  });
});

class Fields {
  @Field('required', { maxLength: 5, example: 'Rijk' }, IsString(), MaxLength(5))
  name!: unknown;

  @Field('omittable', { type: 'integer', description: 'How many.' }, IsInt())
  count?: unknown;

  @Field('nullable', { type: String, nullable: true }, IsString())
  note?: unknown;
}

describe('Field', () => {
  it('documents the field, required or not, with the schema it is given', () => {
    const documented = (key: string): Record<string, unknown> =>
      // Swagger's metadata key (DECORATORS.API_MODEL_PROPERTIES, not exported from the package).
      Reflect.getMetadata('swagger/apiModelProperties', Fields.prototype, key);
    expect(documented('name')).toMatchObject({ maxLength: 5, example: 'Rijk' });
    // ApiProperty leaves `required` out: required is what a DTO's property is by default.
    expect(documented('name').required).toBeUndefined();
    expect(documented('count')).toMatchObject({
      type: 'integer',
      description: 'How many.',
      required: false,
    });
    expect(documented('note')).toMatchObject({ type: String, nullable: true, required: false });
  });

  it('asks for a required field, lets an omittable one be left out and a nullable one be null', async () => {
    expect(await problems(Fields, {})).toEqual([['name', ['maxLength', 'isString']]]);
    expect(await problems(Fields, { name: 'Rijk', note: null })).toEqual([]);
    expect(await problems(Fields, { name: 'Rijk', count: null, note: 3 })).toEqual([
      ['count', ['isInt']],
      ['note', ['isString']],
    ]);
  });
});
