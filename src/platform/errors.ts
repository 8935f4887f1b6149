import { type Localizable, localize } from './i18n/messages.js';
import type { Locale } from './i18n/locales.js';
import { platformText, type RecordKind } from './platform.messages.js';

/**
 * One error type for everything a service refuses. Its code decides the HTTP status (see
 * http/problem.ts) and the CLI's exit code; its message is safe to show to the person who asked, and is put in their language when
 * answered (the `message` itself is English, for logs and the CLI).
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'rule_broken'
  | 'rate_limited'
  | 'payload_too_large'
  | 'password_change_required'
  | 'second_factor_enrolment_required';

export interface FieldProblem {
  /** JSON pointer to the offending input, such as `/body/country`. */
  pointer: string;
  detail: Localizable;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly text: Localizable;
  constructor(
    readonly code: ErrorCode,
    message: Localizable,
    readonly extra: {
      /** A named domain rule, such as `partnership.stage_transition`. */
      rule?: string;
      errors?: FieldProblem[];
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(typeof message === 'string' ? message : message.in('en'));
    this.text = message;
  }

  detailIn(locale: Locale): string {
    return localize(this.text, locale);
  }

  errorsIn(locale: Locale): { pointer: string; detail: string }[] | undefined {
    return this.extra.errors?.map((error) => ({ pointer: error.pointer, detail: localize(error.detail, locale) }));
  }
}

export const notFound = (record: RecordKind) => new AppError('not_found', platformText('notFound', { record: platformText(`record.${record}`) }));
export const forbidden = (message: Localizable = platformText('roleForbids')) => new AppError('forbidden', message);
export const conflict = (message: Localizable, errors?: FieldProblem[]) =>
  new AppError('conflict', message, errors ? { errors } : {});
export const ruleBroken = (rule: string, message: Localizable) => new AppError('rule_broken', message, { rule });
export const invalid = (message: Localizable, errors: FieldProblem[]) => new AppError('validation', message, { errors });
export const staleVersion = (record: RecordKind, current: number) =>
  new AppError('precondition_failed', platformText('stale', { record: platformText(`record.${record}`), version: current }));

/** No route answers this method and path. */
export const routeNotFound = (route: string) => new AppError('not_found', platformText('routeNotFound', { route }));
