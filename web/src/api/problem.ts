/** One field the API refused, as a JSON pointer into the request (`/body/name`). */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details, as every API error arrives. */
export interface ProblemDetails {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  rule?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

/** An API error: its status, code, the named rule it broke and the fields it refused. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly rule: string | null;
  readonly requestId: string | null;
  readonly errors: FieldProblem[];

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? problem.title ?? '';
    this.rule = problem.rule ?? null;
    this.requestId = problem.requestId ?? null;
    this.errors = problem.errors ?? [];
  }

  /** The request never reached the API (offline, server down). */
  static unreachable(): ApiProblem {
    return new ApiProblem({ status: 0, code: 'network' });
  }
}

/** `/body/participants/0/name` → `participants.0.name`, the form field it points at. */
export function fieldOfPointer(pointer: string): string | null {
  const match = /^\/body\/(.+)$/.exec(pointer);
  return match?.[1] ? match[1].split('/').join('.') : null;
}

export function isProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

/**
 * The API's refusals of a request's query parameters (`/query/year`), by parameter: a filter
 * taken from a hand-edited or stale address shows its problem beside its own field.
 */
export function queryProblems(error: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!(error instanceof ApiProblem)) return problems;
  for (const { pointer, detail } of error.errors) {
    const match = /^\/query\/([^/]+)/.exec(pointer);
    if (match?.[1] && !problems[match[1]]) problems[match[1]] = detail;
  }
  return problems;
}
