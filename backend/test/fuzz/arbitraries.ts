/**
 * fast-check arbitraries generated from the contract's zod schemas (through their JSON Schema
 * form), in two flavours: `validish` values shaped like the schema, and `broken` values that
 * break it on purpose (wrong types, missing and extra fields, huge and hostile strings, deep
 * nesting, out-of-range numbers, prototype-pollution keys).
 */
import fc from 'fast-check';
import { z } from 'zod';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** The input-side JSON Schema of a zod schema. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Strings that have broken web apps before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  '\uDFFF lone surrogates \uD83D',
  '\u202Eevil.exe\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̴̡̛̗̤̫͍̓̈́̔ͅa̶͚̞̋l̷̡̈́g̸͉̀ỏ̷̢',
  "' OR 1=1 --",
  "'); DROP TABLE users; --",
  '%_\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '٣',
  'ＡＢＣ',
] as const;

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const hostileString = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 32 }) },
    // Far over any limit the API sets, yet under the 64 KiB body limit.
    { weight: 1, arbitrary: fc.integer({ min: 2_049, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  );

/** Hints for fields whose format the JSON Schema loses (zod pipes keep only the input side). */
const FIELD_HINTS: Record<string, () => fc.Arbitrary<unknown>> = {
  email: () =>
    fc.oneof(
      fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}@[a-z0-9-]{1,12}\.[a-z]{2,6}$/),
      fc.constantFrom('Dancer@Example.Test', 'a@b.co'),
    ),
  password: () => fc.string({ minLength: 8, maxLength: 40, unit: 'grapheme' }),
  avatar: () => fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 255),
  content: () =>
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
      fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.trim().length > 0)),
      fc.webUrl(),
    ),
};

/** Ids: mostly small ones that exist in the fixtures, sometimes anything in range. */
const idArb = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_147_483_647 }) },
  );

const numberArb = (schema: JsonSchema, integer: boolean) => {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined
      ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON)
      : -1e9);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined
      ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON)
      : 1e9);
  if (integer) {
    const lo = Math.ceil(min);
    const hi = Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER));
    // Positive int32 ranges are ids.
    return lo === 1 && hi === 2_147_483_647 ? idArb() : fc.integer({ min: lo, max: hi });
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

const stringArb = (schema: JsonSchema) => {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 64, 300);
  if (schema.format === 'uuid') return fc.uuid();
  // One character class repeated (`^[A-Za-z0-9_-]+$`): draw the length within the bounds, as
  // filtering stringMatching's mostly short strings by a minimum length would never end.
  const repeated = schema.pattern?.match(/^\^(\[[^\]]+\])[+*]\$$/);
  if (repeated) {
    const char = fc.stringMatching(new RegExp(`^${repeated[1]}$`));
    return fc.string({ unit: char, minLength, maxLength: Math.max(minLength, maxLength) });
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern), { maxLength })
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  // Now and then a NUL inside otherwise ordinary text: PostgreSQL refuses to store it.
  return fc.oneof(
    { weight: 9, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    {
      weight: 1,
      arbitrary: fc
        .string({
          minLength: Math.max(0, minLength - 1),
          maxLength: Math.max(0, maxLength - 1),
          unit: 'grapheme',
        })
        .map((text) => `${text}\u0000`),
    },
  );
};

/** Values shaped like the schema. Most pass the zod schema; refinements may still refuse some. */
export function validish(schema: JsonSchema, field?: string): fc.Arbitrary<unknown> {
  if (field && FIELD_HINTS[field] && (schema.type === 'string' || schema.anyOf)) {
    return FIELD_HINTS[field]();
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validish(s, field)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? validish(schema.items) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 20),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, validish(value, key)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of some type other than the schema's. */
const wrongType = (schema: JsonSchema) => {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const all: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    hostileString(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  ];
  const byType: Record<string, number> = {
    null: 0,
    boolean: 1,
    integer: 2,
    number: 3,
    string: 4,
    array: 5,
    object: 6,
  };
  const keep = all.filter(
    (_, index) => index !== byType[type ?? ''] && !(type === 'number' && index === 2),
  );
  return fc.oneof(...keep);
};

/** A number just out of range, or not a JSON number at all. */
const badNumber = (schema: JsonSchema) =>
  fc.constantFrom(
    ...[
      schema.minimum !== undefined ? schema.minimum - 1 : -1,
      schema.maximum !== undefined ? schema.maximum + 1 : 2 ** 31,
      schema.exclusiveMinimum ?? 0,
      1.5,
      -0,
      Number.MAX_SAFE_INTEGER + 2,
      1e308,
      '12',
      '1e3',
    ],
  );

/** Nested arrays or objects hundreds of levels deep. */
export const deepNesting = () =>
  fc
    .integer({ min: 50, max: 2_000 })
    .chain((depth) =>
      fc.constantFrom(
        JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown,
        JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown,
      ),
    );

/** A value that breaks the schema on purpose, in one of many ways. */
export function broken(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema), deepNesting(), hostileString()];
  if (type === 'integer' || type === 'number') options.push(badNumber(schema));
  if (type === 'string') {
    options.push(fc.constant('x'.repeat((schema.maxLength ?? 1000) + 1)));
    if (schema.minLength) options.push(fc.constant(''));
  }
  if (type === 'object' && schema.properties) {
    const properties = schema.properties;
    const keys = Object.keys(properties);
    const valid = validish(schema) as fc.Arbitrary<Record<string, unknown>>;
    if (keys.length) {
      // One field broken, the others valid.
      options.push(
        fc
          .tuple(valid, fc.constantFrom(...keys))
          .chain(([value, key]) =>
            broken(properties[key]!).map((bad) => ({ ...value, [key]: bad })),
          ),
      );
    }
    if (schema.required?.length) {
      options.push(
        fc.tuple(valid, fc.constantFrom(...schema.required)).map(([value, key]) => {
          const copy = { ...value };
          delete copy[key];
          return copy;
        }),
      );
    }
    // Extra and prototype-pollution keys, set as own properties the way JSON.parse would.
    options.push(
      fc
        .tuple(
          valid,
          fc.constantFrom('extra', 'isAdmin', 'id', 'userId', ...PROTO_KEYS),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([value, key, extra]) => {
          const rest = JSON.stringify(value).slice(1);
          const head = `{${JSON.stringify(key)}:${JSON.stringify(extra ?? null)}`;
          return JSON.parse(head + (rest === '}' ? '' : ',') + rest) as unknown;
        }),
    );
  }
  return fc.oneof(...options);
}

/** Half valid-shaped, half broken: the mix a fuzz case draws from. */
export const fuzzValue = (schema: JsonSchema) =>
  fc.oneof({ weight: 1, arbitrary: validish(schema) }, { weight: 1, arbitrary: broken(schema) });
