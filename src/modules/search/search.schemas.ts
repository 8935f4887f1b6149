import { z } from 'zod';
import { idSchema } from '../../platform/schemas.js';
import { textIssue } from '../../platform/i18n/issue-text.js';
import { searchText } from './search.messages.js';
import { queryWords } from './search.text.js';

export const SEARCH_KINDS = ['person', 'organization', 'deployment', 'offering', 'course', 'certification'] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKindName = z.infer<typeof searchKindSchema>;

export const searchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(100, 'must be at most 100 characters')
    .refine((q) => queryWords(q).length > 0, 'must contain a letter or a digit')
    .describe('What to look for: names, acronyms, emails, codes, numbers; accents and case do not count, each word may be the start of one'),
  kinds: z
    .string()
    .max(200)
    .transform((value, context) => {
      const kinds = [...new Set(value.split(',').map((kind) => kind.trim()).filter(Boolean))];
      const unknown = kinds.filter((kind) => !(SEARCH_KINDS as readonly string[]).includes(kind));
      if (unknown.length > 0 || kinds.length === 0) {
        context.addIssue({ code: 'custom', ...textIssue(searchText('query.kinds', { kinds: SEARCH_KINDS.join(', ') })) });
        return z.NEVER;
      }
      return kinds as SearchKindName[];
    })
    .optional()
    .describe(`Which kinds of record, comma-separated (${SEARCH_KINDS.join(', ')}); all by default`),
  limit: z.coerce.number().int().min(1).max(50).default(5).describe('The most results of each kind'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  kind: searchKindSchema,
  id: idSchema,
  title: z.string(),
  /** A line that tells records of one name apart: an acronym, a course code, dates; never personal data. */
  detail: z.string().nullable(),
  /** The agency a person belongs to. */
  context: z.string().nullable(),
  /** Archived, cancelled or revoked: shown after the records in use. */
  isInactive: z.boolean(),
  /** The web page that shows the record. */
  link: z.string(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchGroupSchema = z.object({
  kind: searchKindSchema,
  results: z.array(searchResultSchema),
  /** Whether more records of this kind matched than the limit returned. */
  hasMore: z.boolean(),
});

export const searchResponseSchema = z.object({
  query: z.string(),
  /** The kinds with at least one result, each with its best matches first. */
  groups: z.array(searchGroupSchema),
  count: z.number().int(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
