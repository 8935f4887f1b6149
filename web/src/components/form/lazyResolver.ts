import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiResolverOptions } from './resolver';

type LazyResolverOptions<TValues, TSchema extends z.ZodType> = Omit<ApiResolverOptions<TValues, TSchema>, 'schema'> & {
  /** The API's request schema, imported when the form is first checked. */
  loadSchema: () => Promise<TSchema>;
};

/**
 * apiResolver for the pages the app may open on: sign-in and its steps. zod, the schema and the
 * resolver load after the page has painted instead of before; the check itself, its messages and
 * the parsed body are apiResolver's.
 */
export function lazyApiResolver<TValues extends FieldValues, TSchema extends z.ZodType>(
  options: LazyResolverOptions<TValues, TSchema>,
): Resolver<TValues, unknown, z.output<TSchema>> {
  const { loadSchema, ...rest } = options;
  const load = () => Promise.all([import('./resolver'), loadSchema()]);
  // Started as the form renders (the modules load once), so they are in by the time someone submits;
  // a failed load (offline) is tried again at the check.
  const loading = load();
  loading.catch(() => undefined);
  return async (values, context, resolverOptions) => {
    const [{ apiResolver }, schema] = await loading.catch(load);
    return apiResolver({ ...rest, schema })(values, context, resolverOptions);
  };
}
