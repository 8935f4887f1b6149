/**
 * One error type for everything a service refuses. Its code decides the HTTP status (see
 * http/problem.ts) and the CLI's exit code; its message is safe to show to the person who asked.
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
  detail: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      /** A named domain rule, such as `partnership.stage_transition`. */
      rule?: string;
      errors?: FieldProblem[];
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', message);
export const conflict = (message: string, errors?: FieldProblem[]) =>
  new AppError('conflict', message, errors ? { errors } : {});
export const ruleBroken = (rule: string, message: string) => new AppError('rule_broken', message, { rule });
export const invalid = (message: string, errors: FieldProblem[]) => new AppError('validation', message, { errors });
export const staleVersion = (what: string, current: number) =>
  new AppError(
    'precondition_failed',
    `${what} has changed since you read it (it is now at version ${current}). Reload it and try again.`,
  );
