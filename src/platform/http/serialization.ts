import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialization from the routes' zod schemas, compiled once per route by
 * fast-json-stringify from the schema's JSON Schema, in place of parsing every response with
 * zod and then JSON.stringify'ing it (which cost more than the reads of a busy route).
 *
 * The bytes are those zod's serializer writes: the schema's properties in the schema's order,
 * what the schema does not name left out (zod strips unknown keys; an object here keeps
 * `additionalProperties: false` unless zod's schema is loose or a record), optional properties
 * left out when undefined. What JSON Schema cannot say as zod does (a transform, a default
 * applied on output, a union of shapes, a reference) keeps zod's serializer for that route, so
 * nothing is guessed: fast-json-stringify picks union branches by validating, which zod's
 * stripping of unknown keys would defeat. Requests are still validated by zod; a response is not
 * checked at run time (its shape is the handler's return type, checked when compiled), and a
 * property left undefined is left out, required or not.
 */

type JsonSchema = Record<string, unknown>;

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/** Empty: no schema's registered id turns into a `$ref`, and no description is carried along. */
const NO_METADATA = z.registry<Record<string, unknown>>();

class NotCompilable extends Error {}

/**
 * The JSON Schema fast-json-stringify takes, or NotCompilable. A nullable primitive (zod writes
 * `anyOf: [X, {type: 'null'}]`) becomes `type: [X, 'null']`, which fast-json-stringify writes
 * without validating; any other union, `$ref`, `allOf`, `not` or `if` is refused.
 */
function simplify(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema)) return schema.map(simplify);
  const node = schema as JsonSchema;
  for (const keyword of ['$ref', 'allOf', 'oneOf', 'not', 'if', 'patternProperties', 'prefixItems', 'default']) {
    if (keyword in node) throw new NotCompilable(keyword);
  }
  if (Array.isArray(node.anyOf)) {
    const branches = node.anyOf as JsonSchema[];
    const other = branches.filter((b) => b.type !== 'null');
    const only = other[0];
    if (branches.length !== 2 || other.length !== 1 || !only || !PRIMITIVES.has(only.type as string) || Object.keys(only).some((k) => k !== 'type' && k !== 'enum' && k !== 'format' && k !== 'const')) {
      throw new NotCompilable('anyOf');
    }
    const { anyOf: _anyOf, ...rest } = node;
    const values = only.enum ? { enum: [...(only.enum as unknown[]), null] } : {};
    return { ...rest, type: [only.type, 'null'], ...values };
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, property]) => [name, simplify(property)]));
    } else if (key === 'required') {
      // fast-json-stringify writes required properties first; zod writes the schema's order.
      // The handlers' return types (the type provider's) hold the shape, so the list goes.
      continue;
    } else if (key === 'enum' || key === 'const') {
      out[key] = value;
    } else {
      out[key] = simplify(value);
    }
  }
  // fast-json-stringify writes a type it is not told about as JSON.stringify does; an object must
  // say whether it keeps more than its properties, which zod's output schema always does.
  if (node.type === 'object' && !('additionalProperties' in node)) throw new NotCompilable('additionalProperties');
  return out;
}

/** A route's response schema as fast-json-stringify's input, or null where zod must serialize it. */
export function compilableJsonSchema(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-7', metadata: NO_METADATA, cycles: 'throw', reused: 'inline' });
    const { $schema: _schema, ...rest } = json as JsonSchema;
    return simplify(rest) as JsonSchema;
  } catch {
    return null;
  }
}

/** Fastify's serializer compiler: fast-json-stringify where the schema allows it, zod's otherwise. */
export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const json = compilableJsonSchema(route.schema);
  if (!json) return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  return fastJsonStringify(json as unknown as Parameters<typeof fastJsonStringify>[0]) as (data: unknown) => string;
};
