import i18next from 'i18next';
import { ApiProblem, type ProblemDetails } from './problem';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** A file sent as the body itself, with its own type (an import), instead of JSON. */
  file?: Blob;
  /** The record version being changed, sent as If-Match. */
  version?: number;
  signal?: AbortSignal;
  /** Sign-in and the session probe answer 401 as a normal outcome, not as "go and sign in". */
  isAuthProbe?: boolean;
  /**
   * A public route (certificate verification): anyone may call it, so it needs no CSRF token
   * (fetching one would cost an anonymous visitor a refused request) and no sign-in.
   */
  isPublic?: boolean;
}

interface SessionHandlers {
  unauthenticated: () => void;
  passwordChangeRequired: () => void;
  secondFactorEnrolmentRequired: () => void;
}

let csrfToken: string | null = null;
let handlers: SessionHandlers = { unauthenticated: () => undefined, passwordChangeRequired: () => undefined, secondFactorEnrolmentRequired: () => undefined };

/** The session's CSRF token, from GET /api/auth/me or the sign-in answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What happens when the session is gone or must change its password first; set once by the app. */
export function setSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}

/** `/organizations` + `{ q: 'x', kind: undefined }` → `/api/organizations?q=x`; blanks are left out. */
export function apiUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** What every request asks for: JSON, and the problems it may answer in the interface's language. */
function baseHeaders(): Record<string, string> {
  return { accept: 'application/json', 'accept-language': i18next.language || 'en' };
}

async function loadCsrfToken(): Promise<string | null> {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin', headers: baseHeaders() });
  if (!response.ok) return null;
  const me = (await response.json()) as { csrfToken: string | null };
  csrfToken = me.csrfToken;
  return csrfToken;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = baseHeaders();
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  if (method !== 'GET' && !options.isAuthProbe && !options.isPublic) {
    const token = csrfToken ?? (await loadCsrfToken());
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiProblem.unreachable();
  }

  if (response.status === 204) return undefined as T;
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const body: unknown = isJson ? await response.json() : await response.text();
  if (response.ok) return body as T;

  const problem = new ApiProblem(
    isJson ? { ...(body as ProblemDetails), status: response.status } : { status: response.status, detail: String(body).slice(0, 200) },
  );
  if (problem.status === 401 && !options.isAuthProbe && !options.isPublic) handlers.unauthenticated();
  if (problem.code === 'password_change_required') handlers.passwordChangeRequired();
  if (problem.code === 'second_factor_enrolment_required') handlers.secondFactorEnrolmentRequired();
  throw problem;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body' | 'version'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  upload: <T>(path: string, file: Blob, query: QueryParams) => request<T>('POST', path, { file, query }),
  patch: <T>(path: string, version: number, body: unknown) => request<T>('PATCH', path, { body, version }),
  /** A change to the signed-in user's own settings (their language), which carry no version. */
  patchOwn: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  /** Every PUT replaces part of a record, so it names the record's version as a PATCH does. */
  put: <T>(path: string, version: number, body: unknown) => request<T>('PUT', path, { body, version }),
  /** With a version where taking something off a record changes the record (an offering's instructor). */
  delete: <T>(path: string, version?: number) => request<T>('DELETE', path, { version }),
};
