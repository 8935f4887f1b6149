/**
 * Requests made from the OpenAPI document, deterministically from a seed: for each operation a
 * valid call and calls with one thing made hostile (a field, a query parameter, a path id, the
 * body as a whole, the path's spelling, If-Match). The document is the only knowledge of the API,
 * so a new route is fuzzed the day it is added.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  example?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  bodySchema: JsonSchema | null;
  bodyTypes: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was made hostile, for the failure message. */
  mutation: string;
}

/** mulberry32: small, fast and the same on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  uuid(): string {
    const hex = () => this.int(16).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-7${part(3)}-${this.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
  }
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        bodySchema: content['application/json']?.schema ?? (Object.keys(content).length > 0 ? { type: 'string', format: 'binary' } : null),
        bodyTypes: Object.keys(content),
      };
    }),
  );
}

function deepNest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

/** Values that have broken servers: each replaces one field at a time. */
const HOSTILE_VALUES: readonly unknown[] = [
  '',
  ' ',
  '   \t\n',
  'x'.repeat(10_001),
  'é'.repeat(70_000),
  'a\u0000b',
  '\u0000',
  '🦄'.repeat(300),
  'e\u0301\u0301\u0301',
  '\u202Eevil\u202C',
  '\ud800',
  '\uFEFFbom',
  "'; DROP TABLE people; --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
  -1,
  0,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  0.5,
  true,
  false,
  null,
  [],
  {},
  [null],
  { toString: 'x', valueOf: 1 },
  deepNest(40),
  deepNest(70),
];

/** Texts put in every string field at once. */
const EVERY_STRING = ['a\u0000b', '\ud800', '🦄e\u0301\u202E', 'x'.repeat(5_000), ' '];

/** Query values, as text: what a URL can carry. */
const HOSTILE_QUERY = [
  '',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%FF',
  'x'.repeat(5_000),
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  '2026-02-30',
  'NaN',
  'true',
  '%F0%9F%A6%84',
  '00000000-0000-0000-0000-000000000000',
  '..%2F..%2F',
  "'%20OR%201=1--",
];

/** Path ids: each replaces one path parameter. */
const HOSTILE_IDS = [
  'not-a-uuid',
  'x'.repeat(101),
  'x'.repeat(2_000),
  '%00',
  '%E0%A4%A',
  '%2F',
  '..',
  '%2e%2e',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
  '-1',
  '99999999999999999999',
  '%F0%9F%A6%84',
  '01a22092-12b9-7c6d-8f98-6c1f800debff%00',
  '01a22092-12b9-7c6d-8f98-6c1f800debffa',
];

const IF_MATCH = ['"1"', '"2"', '"0"', '"-1"', 'yesterday', '*', 'W/"1"', '"99999999999999999999"', '"1", "2"', '""', '"1e3"', '"\u00e9"'];

export interface Generator {
  /** The calls for one operation: the first valid, the rest each with one hostile part. */
  requestsFor(operation: Operation, count: number): FuzzRequest[];
}

export function createGenerator(document: OpenApiDocument, random: Random, idsFor: (paramName: string, path: string) => string[]): Generator {
  const schemas = document.components?.schemas ?? {};

  function resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops += 1) current = schemas[current.$ref.split('/').pop() ?? ''] ?? {};
    return current;
  }

  function validString(schema: JsonSchema, name: string, path: string): string {
    if (schema.format === 'uuid') return random.pick([...idsFor(name, path), random.uuid()]);
    if (schema.format === 'date') return `20${10 + random.int(17)}-0${1 + random.int(9)}-1${random.int(9)}`;
    if (schema.format === 'date-time') return new Date(Date.UTC(2026, random.int(12), 1 + random.int(28), random.int(24))).toISOString();
    if (schema.format === 'email') return `fuzz${random.int(1e6)}@example.org`;
    if (schema.format === 'uri') return `https://example.org/${random.int(1e6)}`;
    if (schema.format === 'binary') return 'name,country\nFuzz PD,US\n';
    if (typeof schema.example === 'string') return schema.example;
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 24, min + 24);
    const length = min + random.int(Math.max(1, max - min + 1));
    const letters = 'abcdefghijklmnopqrstuvwxyz ABCÉÑ';
    return Array.from({ length }, () => random.pick([...letters])).join('').padEnd(min, 'x') || (min > 0 ? 'x'.repeat(min) : '');
  }

  function valid(raw: JsonSchema, name: string, path: string, depth = 0): unknown {
    const schema = resolve(raw);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return random.pick(schema.enum);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) {
      const nonNull = branches.filter((branch) => resolve(branch).type !== 'null');
      return valid(random.chance(0.85) && nonNull.length > 0 ? random.pick(nonNull) : random.pick(branches), name, path, depth);
    }
    if (schema.allOf?.[0]) return valid(schema.allOf[0], name, path, depth);
    const type = Array.isArray(schema.type) ? random.pick(schema.type.filter((t) => t !== 'null')) : schema.type;
    switch (type) {
      case 'string':
        return validString(schema, name, path);
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? 0;
        const max = Math.min(schema.maximum ?? min + 100, min + 1000);
        const value = min + random.next() * (max - min);
        return type === 'integer' ? Math.round(value) : value;
      }
      case 'boolean':
        return random.chance(0.5);
      case 'null':
        return null;
      case 'array': {
        if (depth > 6 || !schema.items) return [];
        const length = Math.max(schema.minItems ?? 0, random.int(Math.min(schema.maxItems ?? 3, 3) + 1));
        return Array.from({ length }, () => valid(schema.items as JsonSchema, name, path, depth + 1));
      }
      case 'object':
      default: {
        const out: Record<string, unknown> = {};
        if (depth > 6) return out;
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(key) || random.chance(0.5)) out[key] = valid(property, key, path, depth + 1);
        }
        if (!schema.properties && schema.additionalProperties !== false) out[`key${random.int(100)}`] = random.pick(['v', 1, true, null, { a: 'b' }]);
        return out;
      }
    }
  }

  /** Replaces one value somewhere inside `value` (or adds a field), returning where. */
  function mutateInside(value: unknown, pointer = ''): { value: unknown; at: string } {
    const containers =
      Array.isArray(value) && value.length > 0 ? value.map((_, i) => String(i)) : value && typeof value === 'object' ? Object.keys(value) : [];
    if (containers.length > 0 && random.chance(0.7)) {
      const key = random.pick(containers);
      const inner = mutateInside((value as Record<string, unknown>)[key], `${pointer}/${key}`);
      const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
      copy[key] = inner.value;
      return { value: copy, at: inner.at };
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && random.chance(0.3)) {
      const key = random.pick(['extra', '__proto__x', 'constructorish', 'id', 'version', 'x'.repeat(300), 'é🦄']);
      return { value: { ...(value as object), [key]: random.pick(HOSTILE_VALUES) }, at: `${pointer}/+${key.slice(0, 20)}` };
    }
    const hostile = random.pick(HOSTILE_VALUES);
    return { value: hostile, at: `${pointer || '/'}=${String(JSON.stringify(hostile)).slice(0, 24)}` };
  }

  /** The same hostile text in every string of the body and every query value: a class of input at once. */
  function everyString(value: unknown, text: string): unknown {
    if (typeof value === 'string') return text;
    if (Array.isArray(value)) return value.map((item) => everyString(item, text));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyString(v, text)]));
    return value;
  }

  function pathWith(operation: Operation, ids: Record<string, string>): string {
    return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name] ?? '');
  }

  function queryString(entries: [string, string][]): string {
    return entries.length === 0 ? '' : `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}`;
  }

  function requestsFor(operation: Operation, count: number): FuzzRequest[] {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    const requests: FuzzRequest[] = [];
    for (let i = 0; i < count; i += 1) {
      const ids = Object.fromEntries(pathParams.map((p) => [p.name, encodeURIComponent(String(valid(p.schema, p.name, operation.path)))]));
      const query: [string, string][] = queryParams
        .filter((p) => p.required || random.chance(0.3))
        .map((p) => [p.name, encodeURIComponent(String(valid(p.schema, p.name, operation.path)))]);
      let body: unknown = operation.bodySchema ? valid(operation.bodySchema, '', operation.path) : undefined;
      let rawBody: string | Buffer | undefined;
      const headers: Record<string, string> = {};
      let prefix = '';
      let suffix = '';
      let mutation = 'valid';
      const kinds = ['field', 'field', 'field', 'strings', 'query', 'path', 'body', 'spelling', 'if-match', 'headers'];
      const kind = i === 0 ? 'valid' : random.pick(kinds);
      switch (kind) {
        case 'field': {
          if (body === undefined) break;
          const mutated = mutateInside(body);
          body = mutated.value;
          mutation = `body${mutated.at}`;
          break;
        }
        case 'strings': {
          const text = random.pick(EVERY_STRING);
          body = everyString(body, text);
          for (const entry of query) entry[1] = text === '\ud800' ? '%ED%A0%80' : encodeURIComponent(text);
          mutation = `every string ${JSON.stringify(text.slice(0, 12))}`;
          break;
        }
        case 'query': {
          const name = queryParams.length > 0 && random.chance(0.8) ? random.pick(queryParams).name : random.pick(['extra', 'limit', 'a[b]', '__proto__', '']);
          const value = random.pick(HOSTILE_QUERY);
          query.push([name, value]);
          if (random.chance(0.3)) query.push([name, value]);
          mutation = `query ${name}=${value.slice(0, 20)}`;
          break;
        }
        case 'path': {
          if (pathParams.length === 0) {
            suffix = random.pick(['/x', '/%00', '/' + 'x'.repeat(200), '%2F..', '/..']);
            mutation = `path suffix ${suffix.slice(0, 20)}`;
            break;
          }
          const name = random.pick(pathParams).name;
          ids[name] = random.pick(HOSTILE_IDS);
          mutation = `path ${name}=${ids[name]?.slice(0, 20)}`;
          break;
        }
        case 'body': {
          const choice = random.int(8);
          if (choice === 0) rawBody = '{"broken": ';
          else if (choice === 1) rawBody = JSON.stringify(random.pick([null, [], 'text', 42, true]));
          else if (choice === 2) rawBody = '';
          else if (choice === 3) rawBody = `{"a":"${'x'.repeat(1_100_000)}"}`;
          else if (choice === 4) rawBody = '{"__proto__": {"isAdmin": true}}';
          else if (choice === 5) rawBody = '['.repeat(50_000) + ']'.repeat(50_000);
          else if (choice === 6) {
            rawBody = JSON.stringify(body ?? {});
            headers['content-type'] = random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ';;', 'application/xml']);
          } else if (body && typeof body === 'object' && !Array.isArray(body)) {
            const keys = Object.keys(body);
            if (keys.length > 0) delete (body as Record<string, unknown>)[random.pick(keys)];
          }
          mutation = `body #${choice}${headers['content-type'] ? ` as ${headers['content-type']}` : ''}`;
          break;
        }
        case 'spelling':
          prefix = random.pick(['/%61pi', '/API', '//api', '/api/.', '/%2561pi', '/api%2F']);
          suffix = random.pick(['', '/', '//', '?', '#x', '%20']);
          mutation = `spelled ${prefix}…${suffix}`;
          break;
        case 'if-match':
          headers['if-match'] = random.pick(IF_MATCH);
          mutation = `if-match ${headers['if-match']}`;
          break;
        case 'headers':
          Object.assign(headers, random.pick([{ accept: 'application/xml' }, { 'content-length': '5' }, { 'accept-language': 'x'.repeat(3000) }, { 'x-csrf-token': '\u00e9' }, { 'content-encoding': 'gzip' }]));
          mutation = `headers ${Object.keys(headers).join(',')}`;
          break;
        default:
          break;
      }
      if (!headers['if-match'] && ['PUT', 'PATCH', 'DELETE'].includes(operation.method)) headers['if-match'] = '"1"';
      let path = pathWith(operation, ids);
      if (prefix) path = path.replace(/^\/api/, prefix);
      const url = path + suffix + queryString(query);
      if (rawBody === undefined && body !== undefined) {
        if (operation.bodySchema?.format === 'binary') {
          rawBody = typeof body === 'string' ? body : JSON.stringify(body);
          headers['content-type'] ??= operation.bodyTypes[0] ?? 'text/csv';
        } else rawBody = JSON.stringify(body);
      }
      if (rawBody !== undefined) headers['content-type'] ??= 'application/json';
      requests.push({ method: operation.method, url, headers, ...(rawBody !== undefined && { payload: rawBody }), mutation });
    }
    return requests;
  }

  return { requestsFor };
}
