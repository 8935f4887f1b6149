import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldErrors, type FieldValues, get, type Resolver, type ResolverOptions, set } from 'react-hook-form';
import type { z } from 'zod';
import '../../validation';
import { DATE_CHECK } from './dates';
import { SENTENCE_ERROR } from './meta';
import { wordErrors } from './schemaWording';

export interface FormCheck<TValues> {
  field: keyof TValues & string;
  message: string;
}

export interface ApiResolverOptions<TValues, TSchema extends z.ZodType> {
  /** The API's own request schema: the browser checks exactly what the server will. */
  schema: TSchema;
  /** Form values (strings from inputs) → the request body the schema describes. */
  toRequest: (values: TValues) => z.input<TSchema>;
  /** Request field → form field, where a form shows a value differently (dollars for cents). */
  fieldOfRequest?: Partial<Record<string, keyof TValues & string>>;
  /** Checks only a form makes, such as typing the new password twice. */
  check?: (values: TValues) => FormCheck<TValues>[];
}


/**
 * A date field's problem in a date field's words: the API's "must be a calendar date written
 * YYYY-MM-DD" (or "is required") is for scripts, and the field asks in the locale's own order.
 */
function wordDateProblems<TValues extends FieldValues>(errors: Record<string, unknown>, values: TValues, options: ResolverOptions<TValues>) {
  for (const [name, field] of Object.entries(options.fields ?? {})) {
    const check = field?.validate && typeof field.validate === 'object' ? field.validate[DATE_CHECK] : undefined;
    if (!check || !get(errors, name)) continue;
    const message = check(get(values, name), values);
    if (typeof message === 'string') set(errors, name, { type: SENTENCE_ERROR, message });
  }
}

/**
 * zodResolver over the API's request schema. The form keeps what people type; the resolver
 * turns it into the request body, validates that, and hands the parsed body to onSubmit.
 */
export function apiResolver<TValues extends FieldValues, TSchema extends z.ZodType>(
  options: ApiResolverOptions<TValues, TSchema>,
): Resolver<TValues, unknown, z.output<TSchema>> {
  const validate = zodResolver(options.schema as z.ZodType<z.output<TSchema>, FieldValues>);
  return async (values, context, resolverOptions) => {
    const result = await validate(options.toRequest(values) as FieldValues, context, resolverOptions as never);
    const errors: Record<string, unknown> = {};
    for (const [key, error] of Object.entries(result.errors)) errors[options.fieldOfRequest?.[key] ?? key] = error;
    for (const problem of options.check?.(values) ?? []) {
      errors[problem.field] = { type: 'custom', message: problem.message };
    }
    wordErrors(errors);
    wordDateProblems(errors, values, resolverOptions);
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<TValues> };
    return { values: result.values as z.output<TSchema>, errors: {} };
  };
}
