import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';

/** The first admin the test server creates on its empty database (see playwright.config.ts). */
export const ADMIN = { email: 'admin@e2e.test', password: 'correct e2e admin passphrase 2026' } as const;

/**
 * The test servers listen on three ports from CADRE_E2E_PORT (3300 unless set), so two checkouts
 * on one machine can run their browser tests side by side.
 */
export const E2E_PORT = Number(process.env.CADRE_E2E_PORT ?? 3300);

/** A second test server, holding the 2010 demo program, for the journeys that read a whole program. */
export const DEMO_SERVER_URL = `http://127.0.0.1:${E2E_PORT + 1}`;

/**
 * A third, where admins must sign in with a second factor (the others leave it off, so their
 * journeys sign in with a password alone). Reached as localhost, the name its passkeys are made for.
 */
export const SECOND_FACTOR_SERVER_URL = `http://localhost:${E2E_PORT + 2}`;

/**
 * What went wrong on a page: whatever it threw, and any of the web app's own files (scripts,
 * styles, fonts) the server refused, which it must serve to anyone, signed in or not.
 */
export function watchPageHealth(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/assets/') && !response.ok()) problems.push(`${response.status()} for ${pathname}`);
  });
  return problems;
}

/** Every test also fails when its page was not healthy (a page a test opens itself is watched the same way). */
export const test = base.extend<{ pageHealth: void }>({
  pageHealth: [
    async ({ page }, use) => {
      const problems = watchPageHealth(page);
      await use();
      expect(problems, 'page errors and refused web app files').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with each rule, its impact and the elements involved, so a violation reads at a glance. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe-core WCAG 2.1 AA violations on ${where}`).toEqual([]);
}

export function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(heading(page, 'Sign in to Cadre')).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(heading(page, 'Sign in to Cadre')).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
}

/** A calendar date `days` from today, YYYY-MM-DD, as a date input takes it. */
export function isoDay(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Names unique to one run, so the suite also passes against a database that is not new. */
export function unique(name: string): string {
  return `${name} ${Date.now().toString(36)}`;
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/**
 * The API with the signed-in page's own session, for the records a journey needs but does not
 * test typing in (an agency, a roster): the page's cookies, and the session's CSRF token on each
 * change, as the web app sends it. A request context of its own (signed in with `apiSignIn`)
 * serves a journey whose browser belongs to someone else.
 */
export async function sessionApi(from: Page | APIRequestContext) {
  const request = 'request' in from ? from.request : from;
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string; publicAddress: { url: string } };
  // Updates name the version they change (If-Match), as the web app's do.
  const send = async <T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, version?: number): Promise<T> => {
    const headers: Record<string, string> = { 'x-csrf-token': me.csrfToken };
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await request.fetch(`/api${path}`, { method, data: body, headers });
    expect(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    me,
    post: <T = { id: string }>(path: string, body: unknown, version?: number) => send<T>('POST', path, body, version),
    put: <T = { id: string }>(path: string, body: unknown, version?: number) => send<T>('PUT', path, body, version),
    patch: <T = { id: string }>(path: string, body: unknown, version: number) => send<T>('PATCH', path, body, version),
  };
}

export type SessionApi = Awaited<ReturnType<typeof sessionApi>>;

/** Signs a request context (a page's, or one of its own) in through the API, without a page. */
export async function apiSignIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.ok(), `signing in as ${email} answered ${response.status()}: ${await response.text()}`).toBe(true);
}
