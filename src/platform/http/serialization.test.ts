import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compilableJsonSchema, fastSerializerCompiler } from './serialization.js';

type Route = Parameters<typeof fastSerializerCompiler>[0];
const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as unknown as Route;
const fast = (schema: z.ZodType, data: unknown) => fastSerializerCompiler(route(schema))(data);
const zod = (schema: z.ZodType, data: unknown) => zodSerializerCompiler(route(schema) as Parameters<typeof zodSerializerCompiler>[0])(data);

const level = z.enum(['0', '1', '2', '2+']);
const person = z.object({
  id: z.string(),
  version: z.number().int().optional(),
  name: z.string(),
  email: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  age: z.number().nullable(),
  isActive: z.boolean(),
  languages: z.array(z.object({ language: z.string(), speaking: level.nullable(), reading: level.nullable() })),
  readiness: z.object({ status: z.string(), reasons: z.array(z.string()) }).optional(),
  counts: z.record(z.string(), z.number()),
  extra: z.looseObject({ kept: z.string() }),
  anything: z.unknown(),
});
const page = z.object({ items: z.array(person), nextCursor: z.string().nullable(), total: z.number().int().optional() });

const row = {
  // Keys out of the schema's order, and keys the schema does not name: zod writes the schema's order and leaves them out.
  name: 'Ana "Nadège" Pérez\n\u2028',
  id: 'p1',
  secret: 'never written',
  email: null,
  sex: 'female',
  age: 41.5,
  isActive: true,
  languages: [{ reading: null, language: 'fr', speaking: '2+', hidden: 1 }],
  readiness: { status: 'ready', reasons: [], internal: true },
  counts: { b: 2, a: 1 },
  extra: { kept: 'yes', also: { deep: [1, null] } },
  anything: { any: ['shape', 2, null] },
};

describe('response serialization', () => {
  it('writes the bytes zod writes: schema order, unknown keys left out, nullable and optional as zod', () => {
    for (const data of [row, { ...row, version: 3, email: 'a@b.test', sex: null, age: null, readiness: undefined, anything: undefined }]) {
      expect(fast(person, data)).toBe(zod(person, data));
    }
    const list = { total: 2, items: [row, { ...row, id: 'p2' }], nextCursor: null, more: 'no' };
    expect(fast(page, list)).toBe(zod(page, list));
    expect(fast(page, { items: [], nextCursor: 'abc' })).toBe(zod(page, { items: [], nextCursor: 'abc' }));
  });

  it('compiles objects, arrays, records and nullable primitives', () => {
    expect(compilableJsonSchema(page)).not.toBeNull();
  });

  it('leaves to zod what JSON Schema cannot write as zod does', () => {
    const union = z.object({ a: z.union([z.object({ x: z.string() }), z.object({ y: z.number() })]) });
    const nullableObject = z.object({ a: z.object({ x: z.string() }).nullable() });
    const transformed = z.object({ a: z.string().transform((s) => s.toUpperCase()) });
    const defaulted = z.object({ a: z.string().default('none') });
    for (const schema of [union, nullableObject, transformed, defaulted]) expect(compilableJsonSchema(schema)).toBeNull();
    expect(fast(union, { a: { y: 2, z: 3 } })).toBe(zod(union, { a: { y: 2, z: 3 } }));
    expect(fast(transformed, { a: 'x' })).toBe('{"a":"X"}');
    expect(fast(defaulted, {})).toBe('{"a":"none"}');
  });
});
