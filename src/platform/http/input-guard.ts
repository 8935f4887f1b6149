import { type FieldProblem, invalid } from '../errors.js';
import type { App } from './context.js';
import { platformText } from '../platform.messages.js';

/** Deeper than any record or credential Cadre reads; past it, code walking the data could run out of stack. */
export const MAX_DEPTH = 64;

/**
 * Refuses, before any route sees them, what no field may hold and some engine or library cannot
 * take: a NUL character in any text of the path, query or JSON body (PostgreSQL cannot store one,
 * SQLite can, so the engines would answer differently), and JSON nested past MAX_DEPTH. One check
 * for every field, with a 400 naming each field.
 */
export function guardInput(app: App) {
  app.addHook('preValidation', async (request) => {
    const found = [...inspect(request.params, '/path'), ...inspect(request.query, '/query'), ...inspect(request.body, '/body')];
    if (found.length > 0) {
      throw invalid(found.length === 1 ? `${found[0]?.pointer} ${String(found[0]?.detail)}.` : platformText('fieldsHoldForbidden'), found.slice(0, 20));
    }
  });
}

/** The problems in plain JSON data (an upload's stream or buffer is left alone), walked without recursion. */
export function inspect(root: unknown, rootPointer: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; pointer: string; depth: number }[] = [{ value: root, pointer: rootPointer, depth: 0 }];
  while (pending.length > 0) {
    const { value, pointer, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ pointer, detail: platformText('nul') });
      continue;
    }
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : isPlainObject(value) ? Object.entries(value) : null;
    if (!entries) continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ pointer, detail: platformText('tooDeep', { depth: MAX_DEPTH }) });
      continue;
    }
    for (const [key, item] of entries) {
      const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('\u0000', '\\u0000')}`;
      if (key.includes('\u0000')) problems.push({ pointer: at, detail: platformText('nulKey') });
      else pending.push({ value: item, pointer: at, depth: depth + 1 });
    }
  }
  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  // The query parser's objects inherit from an empty prototype of their own, itself without one.
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}
