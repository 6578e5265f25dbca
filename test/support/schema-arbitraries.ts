import fc, { type Arbitrary } from 'fast-check';

/** The part of an OpenAPI 3.0 schema object that the generators read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** An OpenAPI query parameter. */
export interface QueryParameter {
  name: string;
  in: string;
  schema?: Schema;
}

/**
 * Text that trips up text handling: emoji and ZWJ sequences, right-to-left and bidi overrides,
 * combining marks, zero-width characters, full-width forms, case-mapping oddities, U+0000 and
 * lone surrogates (which JSON carries as `\ud800`), and text that looks like code.
 */
export const UNUSUAL_TEXT: readonly string[] = [
  '👩‍👩‍👧‍👦',
  '🇳🇱🏳️‍🌈',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301\u0301',
  'Z̸̡̛͔a̶l̵g̸o̷',
  'Ｆｕｌｌ－ｗｉｄｔｈ１２３',
  '\u200B\u200C\u200D\uFEFF',
  '\u00A0\u2003\u3000',
  '\u2028\u2029',
  '\t\n\r',
  '   ',
  '',
  'ß İ ǅ ﬁ',
  '٣٤٥',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uD83D',
  '\uFFFE\uFFFF',
  "'; DROP TABLE actions; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '%00%ff',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  '{}',
  '[]',
  '__proto__',
];

const DATE_EDGES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2025-02-29',
  '2024-02-29',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-1-1',
  '20260101',
  '2026-01-01T00:00:00Z',
  '2026-01-01T24:00:00+01:00',
  '2026-01-01T23:59:60Z',
  '2026-01-01T12:00:00',
  '2026-01-01T12:00:00.1234567Z',
  '2026-06-30T12:00:00+14:00',
  '2026-06-30T12:00:00-99:99',
  '１９９９-０１-０１',
];

const UUID_EDGES = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f}',
  '6f1c2d3e4a5b4c6d8e7f9a0b1c2d3e4f',
  '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4fx',
  '６f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
];

const NUMBER_EDGES = [
  0,
  -0,
  -1,
  1.5,
  1e-7,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MAX_VALUE,
];

/** Nested arrays `depth` deep, built without recursion (a recursive builder is what is tested). */
export function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

/** A value absent from the object: the property is left out. */
export const ABSENT = Symbol('absent');

const typeOf = (schema: Schema): string | undefined =>
  schema.type ??
  (schema.properties ? 'object' : schema.items ? 'array' : schema.enum ? 'string' : undefined);

/**
 * fast-check arbitraries from the OpenAPI document's own schemas: `valid` values (with their
 * boundaries), `odd` values that break a schema or sit on its edge, whole request bodies that
 * mix the two, and query strings. `hints` offers real ids of the test's scene for properties
 * it knows by name, so that valid requests get past "no such thing" and reach the service.
 */
export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly hints: (name: string, schema: Schema) => Arbitrary<unknown> | undefined = () =>
      undefined,
    /**
     * Per named schema, what makes a valid object of it valid beyond its schema (a rule between
     * properties that the document states in words only).
     */
    private readonly couplings: Record<
      string,
      (value: Record<string, unknown>, generate: SchemaArbitraries) => Arbitrary<unknown>
    > = {},
  ) {}

  /** `arbitrary` (valid objects of `schema`) with the coupling of its named schema applied. */
  private coupled(schema: Schema, arbitrary: Arbitrary<unknown>): Arbitrary<unknown> {
    const name = schema.$ref?.replace(/^#\/components\/schemas\//, '');
    const coupling = name === undefined ? undefined : this.couplings[name];
    return coupling
      ? arbitrary.chain((value) => coupling(value as Record<string, unknown>, this))
      : arbitrary;
  }

  /** Follows `$ref`s and merges `allOf`. */
  resolve(schema: Schema): Schema {
    if (schema.$ref) {
      const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
      const target = this.components[name];
      if (!target) throw new Error(`unknown schema ${schema.$ref}`);
      return this.resolve({ ...target, ...(schema.nullable && { nullable: true }) });
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((part) => this.resolve(part));
      const own: Schema = { ...schema, allOf: undefined };
      return parts.reduce<Schema>(
        (merged, part) => ({
          ...part,
          ...merged,
          properties: { ...part.properties, ...merged.properties },
          required: [...(part.required ?? []), ...(merged.required ?? [])],
        }),
        own,
      );
    }
    return schema;
  }

  /** Values the schema allows, boundaries included; `null` where it is nullable. */
  valid(schema: Schema, name = ''): Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const value = this.validOf(resolved, name);
    return resolved.nullable
      ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
      : value;
  }

  private validOf(schema: Schema, name: string): Arbitrary<unknown> {
    const hint = this.hints(name, schema);
    if (hint) return hint;
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return fc.oneof(...choices.map((choice) => this.valid(choice, name)));
    switch (typeOf(schema)) {
      case 'string':
        return this.validString(schema);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({
          min: schema.minimum ?? -1e6,
          max: schema.maximum ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const item = this.valid(schema.items ?? {}, name);
        const min = schema.minItems ?? 0;
        const few = fc.array(item, { minLength: min, maxLength: Math.max(min, 3) });
        if (schema.maxItems === undefined || schema.maxItems > 200) return few;
        const full = fc.array(item, { minLength: schema.maxItems, maxLength: schema.maxItems });
        return fc.oneof({ weight: 5, arbitrary: few }, { weight: 1, arbitrary: full });
      }
      case 'object':
        return this.validObject(schema);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private validString(schema: Schema): Arbitrary<string> {
    const max = schema.maxLength;
    const fits = (text: string) =>
      text.length >= (schema.minLength ?? 0) && (max === undefined || text.length <= max);
    switch (schema.format) {
      case 'uuid':
        return fc.uuid();
      case 'date':
        return this.instant().map((date) => date.toISOString().slice(0, 10));
      case 'date-time':
        return this.instant().map((date) => date.toISOString());
      case 'email':
        return fc.emailAddress().filter(fits);
      case 'uri':
        return fc.webUrl({ validSchemes: ['http', 'https'] }).filter(fits);
    }
    if (schema.pattern) {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    }
    const min = schema.minLength ?? 0;
    const text = fc.string({
      unit: 'grapheme',
      minLength: min,
      maxLength: Math.min(max ?? 40, 40),
    });
    if (max === undefined) return text.filter(fits);
    // On the boundary: exactly maxLength UTF-16 units, in one- and two-unit characters.
    const edges = fc.constantFrom('a'.repeat(max), 'ä'.repeat(max), '😀'.repeat(max >> 1));
    return fc.oneof({ weight: 5, arbitrary: text.filter(fits) }, { weight: 1, arbitrary: edges });
  }

  private instant(): Arbitrary<Date> {
    return fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2200-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
  }

  private validObject(schema: Schema): Arbitrary<Record<string, unknown>> {
    const properties = schema.properties ?? {};
    const model = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, this.valid(property, key)]),
    );
    return fc.record(model, { requiredKeys: schema.required ?? [] });
  }

  /** A valid value with every property present and one item in each array. */
  complete(schema: Schema, name = ''): Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const type = typeOf(resolved);
    if (type === 'object' && resolved.properties) {
      const record = fc.record(
        Object.fromEntries(
          Object.entries(resolved.properties).map(([key, property]) => [
            key,
            this.complete(property, key),
          ]),
        ),
      );
      return this.coupled(schema, record);
    }
    if (type === 'array') return this.complete(resolved.items ?? {}, name).map((item) => [item]);
    return this.validOf(resolved, name);
  }

  /** Values that break the schema, or sit just on or past its edges; `null` among them. */
  odd(schema: Schema, name = '', depth = 0): Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const anywhere: Arbitrary<unknown>[] = [
      fc.constant(null),
      fc.constantFrom(...UNUSUAL_TEXT),
      fc.constantFrom(true, 0, -1, 1e308, {}, [], [null], { value: 'x' }),
      fc.constantFrom('x'.repeat(100_000), '😀'.repeat(30_000), 'e\u0301'.repeat(20_000)),
      fc.constantFrom(nested(50), nested(2_000), { a: nested(2_000) }),
      fc.jsonValue({ maxDepth: 3 }),
    ];
    const own: Arbitrary<unknown>[] = [];
    const type = typeOf(resolved);
    if (resolved.enum) {
      own.push(
        fc.constantFrom('not-a-member', ...resolved.enum.map((v) => String(v).toUpperCase())),
      );
    }
    if (type === 'string') {
      const { minLength: min, maxLength: max } = resolved;
      if (min !== undefined && min > 0) own.push(fc.constant('x'.repeat(min - 1)));
      if (max !== undefined) own.push(fc.constant('x'.repeat(max + 1)));
      if (resolved.format === 'uuid') own.push(fc.constantFrom(...UUID_EDGES), fc.uuid());
      if (resolved.format === 'date' || resolved.format === 'date-time') {
        own.push(fc.constantFrom(...DATE_EDGES));
      }
      own.push(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer());
    }
    if (type === 'integer' || type === 'number') {
      const { minimum: min, maximum: max } = resolved;
      if (min !== undefined) own.push(fc.constantFrom(min - 1, min - 0.5));
      if (max !== undefined) own.push(fc.constantFrom(max + 1, max + 0.5));
      own.push(fc.constantFrom(...NUMBER_EDGES), fc.constantFrom('1', '1e999', 'NaN', ''));
    }
    if (type === 'boolean') own.push(fc.constantFrom('true', 'false', 0, 1, 'yes'));
    if (type === 'array') {
      const item = this.valid(resolved.items ?? {}, name);
      own.push(
        fc.constantFrom('x', { 0: 'x' }),
        ...(depth < 2
          ? [this.odd(resolved.items ?? {}, name, depth + 1).map((value) => [value])]
          : []),
        fc.constantFrom(Array(10_000).fill('x'), Array(2_000).fill({})),
      );
      if (resolved.maxItems !== undefined && resolved.maxItems < 2000) {
        const over = resolved.maxItems + 1;
        own.push(fc.array(item, { minLength: over, maxLength: over }));
      }
      own.push(item.map((value) => [value, value]));
    }
    if (type === 'object') {
      own.push(fc.constantFrom('x', [{}]));
      if (depth < 2) own.push(this.body(resolved, depth + 1));
    }
    return fc.oneof(
      { weight: 2, arbitrary: fc.oneof(...anywhere) },
      ...(own.length > 0 ? [{ weight: 3, arbitrary: fc.oneof(...own) }] : []),
    );
  }

  /**
   * A request body for `schema`: wholly valid; a valid object with one property left out,
   * set to null or to an odd value; with several such changes and unknown properties added;
   * or no object at all.
   */
  body(schema: Schema, depth = 0): Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    if (typeOf(resolved) !== 'object' || !resolved.properties) return this.odd(resolved, '', depth);
    const properties = Object.entries(resolved.properties);
    const change = ([key, property]: [string, Schema]) =>
      fc
        .oneof(fc.constant(ABSENT), fc.constant(null), this.odd(property, key, depth))
        .map((value) => [key, value] as const);
    const changes = fc.oneof(
      { weight: 3, arbitrary: fc.oneof(...properties.map(change)).map((one) => [one]) },
      {
        weight: 1,
        arbitrary: fc.tuple(...properties.map(change)).chain((all) => fc.subarray(all)),
      },
    );
    const extras = fc.dictionary(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', ''),
        fc.string({ unit: 'grapheme', maxLength: 10 }),
      ),
      fc.jsonValue({ maxDepth: 2 }),
      { minKeys: 1, maxKeys: 2 },
    );
    const valid = this.coupled(schema, this.validObject(resolved)) as Arbitrary<
      Record<string, unknown>
    >;
    const changed = fc
      .tuple(valid, changes, fc.option(extras, { freq: 4, nil: undefined }))
      .map(([valid, chosen, extra]) => {
        const body: Record<string, unknown> = { ...valid };
        for (const [key, value] of chosen) {
          if (value === ABSENT) delete body[key];
          else body[key] = value;
        }
        // JSON.parse makes `__proto__` an own property; so does defineProperty here.
        for (const [key, value] of Object.entries(extra ?? {})) {
          Object.defineProperty(body, key, { value, enumerable: true, writable: true });
        }
        return body;
      });
    const notAnObject = fc.constantFrom(null, [], 'text', 42, true, nested(3_000), [{}]);
    return fc.oneof(
      { weight: 4, arbitrary: valid },
      { weight: 8, arbitrary: changed },
      { weight: 1, arbitrary: notAnObject },
    );
  }

  /**
   * For each property of `value` (nested objects and the first item of arrays too): a copy of
   * `value` with that property set to null. Run as fixed examples, so that every property is
   * tried with null however few random cases run.
   */
  nullVariants(value: unknown): unknown[] {
    const variants: unknown[] = [];
    const walk = (node: unknown, replace: (next: unknown) => unknown) => {
      if (Array.isArray(node)) {
        if (node.length > 0) {
          walk(node[0], (next) => replace([next, ...node.slice(1)]));
        }
        return;
      }
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        const record = node as Record<string, unknown>;
        variants.push(replace({ ...record, [key]: null }));
        walk(record[key], (next) => replace({ ...record, [key]: next }));
      }
    };
    walk(value, (next) => next);
    return variants;
  }

  /**
   * A query string (without `?`) for these parameters: valid values, or valid ones with one or
   * more odd (empty, huge numbers, invalid dates, non-UUIDs, unknown enum members, long and
   * unusual text, malformed percent-encoding), repeated keys where one is expected, bracketed
   * keys, unknown keys.
   */
  query(parameters: QueryParameter[]): Arbitrary<string> {
    // Only the API makes a valid cursor; a made-up one is tried among the odd values.
    const valid = fc.tuple(
      ...parameters
        .filter((parameter) => parameter.name !== 'cursor')
        .map((parameter) =>
          fc.option(
            this.queryValues(parameter, true).map((values) => ({ key: parameter.name, values })),
            { freq: 2, nil: undefined },
          ),
        ),
    );
    const odd = (parameter: QueryParameter) =>
      fc.record({
        key: fc.oneof(
          { weight: 6, arbitrary: fc.constant(parameter.name) },
          { weight: 1, arbitrary: fc.constantFrom(`${parameter.name}[]`, `${parameter.name}[a]`) },
        ),
        values: this.queryValues(parameter, false),
      });
    const unknown = fc.constantFrom(
      'unknown=1',
      'access_token=abc',
      '__proto__[x]=1',
      '=',
      '&&',
      'a=%',
    );
    const render = (pairs: ({ key: string; values: string[] } | undefined)[], extra?: string) =>
      [
        ...pairs.flatMap((pair) =>
          pair ? pair.values.map((value) => `${encodeURIComponent(pair.key)}=${value}`) : [],
        ),
        ...(extra ? [extra] : []),
      ].join('&');
    const oddOnes = fc.oneof(
      { weight: 3, arbitrary: fc.oneof(...parameters.map(odd)).map((one) => [one]) },
      { weight: 1, arbitrary: fc.subarray(parameters).chain((some) => fc.tuple(...some.map(odd))) },
    );
    return fc.oneof(
      { weight: 3, arbitrary: valid.map((pairs) => render(pairs)) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(valid, oddOnes, fc.option(unknown, { freq: 5, nil: undefined }))
          .map(([pairs, oddPairs, extra]) => {
            const oddKeys = new Set(oddPairs.map((pair) => pair.key));
            return render(
              [...pairs.filter((pair) => !oddKeys.has(pair?.key ?? '')), ...oddPairs],
              extra,
            );
          }),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(valid, unknown).map(([pairs, extra]) => render(pairs, extra)),
      },
    );
  }

  /** One or more encoded values for a query parameter. */
  private queryValues(parameter: QueryParameter, valid: boolean): Arbitrary<string[]> {
    const schema = this.resolve(parameter.schema ?? {});
    const list = typeOf(schema) === 'array';
    const item = list ? this.resolve(schema.items ?? {}) : schema;
    const encoded = (valid ? this.valid(item, parameter.name) : this.odd(item, parameter.name))
      .filter((value) => value === null || typeof value !== 'object')
      // Node refuses a request line past 16 KB itself (431), before the app sees it.
      .map((value) => encode(String(value).slice(0, 1_000)));
    if (valid) {
      return list
        ? fc.array(encoded, { minLength: 1, maxLength: 3 })
        : encoded.map((value) => [value]);
    }
    const raw = fc.constantFrom('', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '1e999', '-1');
    const one = fc.oneof(encoded, raw);
    return fc.oneof(
      { weight: 4, arbitrary: one.map((value) => [value]) },
      { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
    );
  }
}

/** encodeURIComponent refuses lone surrogates; send them as the bytes a sloppy client would. */
function encode(text: string): string {
  return Array.from(text)
    .map((char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}
