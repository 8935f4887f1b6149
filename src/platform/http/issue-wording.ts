import type { FastifyError } from 'fastify';
import type { Locale } from '../i18n/locales.js';
import { definedCatalogs, isStoredText, Text } from '../i18n/messages.js';
import { z } from 'zod';
import { platformText } from '../platform.messages.js';
// The shared schemas' sentences, so a field problem naming one is put in the reader's language.
import '../schemas.messages.js';

/**
 * Length limits in the API's own words ("must be at most 200 characters") rather than zod's
 * ("Too big: expected string to have <=200 characters"): schemas then state a limit once. The web
 * app, which loads this module with the schemas, words problems in its reader's language with a
 * configuration of its own made first (web/src/validation.ts): that one is kept, and these words
 * only fill its gaps.
 */
const configuredBefore = z.config().customError;
z.config({
  customError: (issue) => {
    const configured = configuredBefore?.(issue);
    if (configured) return configured;
    if (issue.origin !== 'string' || (issue.code !== 'too_small' && issue.code !== 'too_big')) return undefined;
    return issue.code === 'too_small' ? platformText('issue.tooShort', { minimum: Number(issue.minimum), count: Number(issue.minimum) }).in('en') : platformText('issue.tooLong', { maximum: Number(issue.maximum), count: Number(issue.maximum) }).in('en');
  },
});

/**
 * A schema's complaint about one field, in the reader's language. English keeps the schema's own
 * words (they name the rule: "must be a calendar date written YYYY-MM-DD"); another language
 * takes, in turn, the `Text` a check attached, the catalog sentence whose English the schema
 * used, or words made from the check's code and limits.
 */
export function issueDetail(issue: NonNullable<FastifyError['validation']>[number], locale: Locale): string {
  const english = issue.message ?? platformText('issue.invalid').in('en');
  if (locale === 'en') return english;
  const params = (issue.params ?? {}) as IssueParams;
  if (isStoredText(params.params?.text)) return Text.from(params.params.text).in(locale);
  return sentenceFor(english)?.in(locale) ?? fromCode(issue.keyword, params, english)?.in(locale) ?? english;
}

interface IssueParams {
  expected?: string;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  divisor?: number;
  values?: unknown[];
  params?: { text?: unknown };
}

let sentences: Map<string, Text> | undefined;
/** Catalog sentences without placeholders, by their English words. */
function sentenceFor(english: string): Text | undefined {
  if (!sentences) {
    sentences = new Map();
    for (const [namespace, { byLocale }] of definedCatalogs()) {
      for (const [key, value] of Object.entries(byLocale.en)) {
        if (!value.includes('{{') && !sentences.has(value)) sentences.set(value, new Text(namespace, key));
      }
    }
  }
  return sentences.get(english);
}

const TYPES = new Set(['string', 'number', 'int', 'boolean', 'object', 'array', 'date']);
const FORMATS = new Set(['uuid', 'email', 'url', 'datetime', 'date']);

function fromCode(code: string, params: IssueParams, english: string): Text | undefined {
  switch (code) {
    case 'invalid_type':
      if (/received undefined$/.test(english)) return platformText('issue.required');
      return params.expected && TYPES.has(params.expected)
        ? platformText('issue.invalidType', { expected: platformText(`type.${params.expected as 'string'}`) })
        : platformText('issue.invalid');
    case 'invalid_value':
      return params.values ? platformText('issue.choose', { values: params.values.map((v) => JSON.stringify(v)) }) : platformText('issue.invalid');
    case 'invalid_format':
      return params.format && FORMATS.has(params.format)
        ? platformText('issue.formatOf', { format: platformText(`format.${params.format as 'uuid'}`) })
        : platformText('issue.format');
    case 'too_small':
      return bound('min', params);
    case 'too_big':
      return bound('max', params);
    case 'not_multiple_of':
      return platformText('issue.notMultiple', { divisor: params.divisor });
    default:
      return platformText('issue.invalid');
  }
}

function bound(side: 'min' | 'max', params: IssueParams): Text {
  const limit = Number(side === 'min' ? params.minimum : params.maximum);
  const values = side === 'min' ? { minimum: limit, count: limit } : { maximum: limit, count: limit };
  if (params.origin === 'string') return platformText(side === 'min' ? 'issue.tooShort' : 'issue.tooLong', values);
  if (params.origin === 'array' || params.origin === 'set') return platformText(side === 'min' ? 'issue.tooFewItems' : 'issue.tooManyItems', values);
  if (side === 'min') return platformText(params.inclusive === false ? 'issue.tooSmallExclusive' : 'issue.tooSmall', values);
  return platformText(params.inclusive === false ? 'issue.tooBigExclusive' : 'issue.tooBig', values);
}
