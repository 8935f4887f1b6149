import type { Page } from '@playwright/test';
import { pseudoString } from '../../web/src/language/pseudo.js';
import { AREA_NAMESPACES, SHELL_NAMESPACE } from '../../web/src/locales/namespaces.js';
import { type Catalog, catalogOf } from './catalogs.js';
import { ADMIN, expect, expectAccessible, heading, isoDay, sessionApi, signIn, signOut, test, unique } from './support.js';
import { createOrganization, createPerson, runOffering } from './training.js';

/**
 * The languages in the browser: the switch in both headers, the choice kept by the cookie and
 * the account, each language's catalog loaded only when chosen, and the pseudo-locale (en-XA)
 * finding any text on the main pages that never went through the catalog.
 */

const catalog = catalogOf;
const words = (catalog: Catalog, key: string): string => key.split('.').reduce<string | Catalog>((node, part) => (node as Catalog)[part] ?? '', catalog) as string;
const es = catalog('es');
const ht = catalog('ht');

function values(node: Catalog): string[] {
  return Object.values(node).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

/**
 * English's wordings as patterns, a placeholder matching anything: those with four letters or
 * more of their own, which shown as they are mean text that bypassed the pseudo-locale.
 */
const englishPatterns = [...new Set(values(catalog('en')))]
  .filter((value) => !value.includes('<') && (value.replace(/\{\{[^}]*\}\}/g, '').match(/[A-Za-z]/g) ?? []).length >= 4)
  .map((value) => value.split(/\{\{[^}]*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('.+?'));

/**
 * Every piece of text on the page (text nodes, and the labels and hints held in attributes) that
 * stands outside the pseudo-locale's ⟦ ⟧ and reads as an English catalog wording, but for the
 * records' own data (`records`).
 */
async function untranslated(page: Page, records: string[]): Promise<string[]> {
  return page.evaluate(
    ({ patterns, records }) => {
      const english = patterns.map((pattern) => new RegExp(`^${pattern}$`));
      const found: string[] = [];
      const check = (text: string, where: string) => {
        const shown = text.replace(/\s+/g, ' ').trim();
        if (shown && !records.includes(shown) && english.some((pattern) => pattern.test(shown))) found.push(`${where}: ${shown}`);
      };
      // Markers may span elements (a link inside a sentence), so depth carries from node to node.
      let depth = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let outside = '';
        for (const character of node.textContent ?? '') {
          if (character === '⟦') depth += 1;
          else if (character === '⟧') depth = Math.max(0, depth - 1);
          else if (depth === 0) outside += character;
        }
        const parent = node.parentElement;
        if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !parent.checkVisibility({ visibilityProperty: true })) continue;
        check(outside, parent.tagName.toLowerCase());
      }
      for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
        for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = element.getAttribute(attribute);
          if (value) check(value.replace(/⟦[^⟦⟧]*⟧/g, ' '), `${element.tagName.toLowerCase()}[${attribute}]`);
        }
      }
      return found;
    },
    { patterns: englishPatterns, records },
  );
}

/**
 * Opens a page in the pseudo-locale and answers the English it shows, once it has loaded: its
 * heading is the record's name (`title`) or a catalog wording, and nothing says "Loading…".
 */
async function openInPseudoLocale(page: Page, path: string, records: string[], title?: string | RegExp): Promise<string[]> {
  await page.goto(`${path}?lang=en-XA`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  if (title) await expect(heading(page, title)).toBeVisible();
  else await expect(page.locator('h1')).toContainText('⟦');
  await expect(page.getByText(pseudoString(words(catalog('en'), 'common.loading')))).toHaveCount(0);
  return (await untranslated(page, records)).map((text) => `${path} ${text}`);
}

test('the main pages show no English that bypassed the catalog (pseudo-locale en-XA)', async ({ page }) => {
  test.setTimeout(90_000);
  const mark = unique('').trim();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  const office = await createOrganization(api, { name: `Pseudo Office ${mark}`, kind: 'program_office', country: 'US' });
  const agency = await createOrganization(api, { name: `Pseudo Agency ${mark}`, kind: 'municipal_police', country: 'US' });
  const lead = await createPerson(api, office, 'Lena', `Lead ${mark}`, 'Master instructor');
  const trainee = await createPerson(api, agency, 'Tomas', `Trainee ${mark}`, 'Sergeant');
  const credential = await api.post('/credentials', { name: `Pseudo Credential ${mark}`, criteria: 'Complete the course.', track: 'policing', validityMonths: 24, passMark: 70, minAttendancePercent: 90 });
  const course = await api.post('/courses', { code: `PSEUDO-${mark.toUpperCase()}`, title: `Pseudo Course ${mark}`, track: 'policing', level: 'instructor', language: 'en', hours: 40, grantsCredentialId: credential.id });
  const closed = await runOffering(api, { courseId: course.id, startOn: isoDay(-10), endOn: isoDay(-6), country: 'US', leadId: lead.id, participantId: trainee.id });
  const offerings = (await (await page.request.get('/api/offerings', { params: { courseId: course.id } })).json()) as { items: { id: string }[] };
  const offeringId = offerings.items[0]?.id ?? '';
  const certificationId = closed.certified[0]?.certificationId ?? '';
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { name: string } };
  const records = [me.user.name, api.me.publicAddress.url];

  const found = [
    ...(await openInPseudoLocale(page, '/', records)),
    ...(await openInPseudoLocale(page, '/organizations', records)),
    ...(await openInPseudoLocale(page, `/people/${trainee.id}`, records, trainee.name)),
    ...(await openInPseudoLocale(page, `/offerings/${offeringId}`, records, new RegExp(`Pseudo Course ${mark}`))),
    ...(await openInPseudoLocale(page, '/verify', records)),
    ...(await openInPseudoLocale(page, `/verify/${certificationId}`, records)),
  ];
  expect(found, 'English shown as it is, not through the catalog').toEqual([]);
});

test('a signed-in user switches to Español: the page, <html lang>, the API and the next visits follow', async ({ page, context }) => {
  const catalogs: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/words-(?!en-)[^/]+\.js$/.test(request.url())) catalogs.push(request.url());
  });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  // English comes with the app: no other language's catalog was fetched.
  expect(catalogs).toEqual([]);

  await page.getByRole('button', { name: 'Language: English' }).click();
  const asked = page.waitForRequest((request) => request.url().includes('/api/') && request.headers()['accept-language'] === 'es');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(heading(page, words(es, 'dashboard.title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // Spanish comes as the namespaces the visit has loaded so far, each once: the shell's, sign-in's and the dashboard's.
  const loaded = new Set([SHELL_NAMESPACE, ...AREA_NAMESPACES.auth, ...AREA_NAMESPACES.home]);
  expect(catalogs.map((url) => /\/words-(\w+-\w+)-/.exec(url)?.[1]).sort()).toEqual([...loaded].map((namespace) => `es-${namespace}`).sort());
  await asked;
  const cookie = (await context.cookies()).find((entry) => entry.name === 'cadre_locale');
  expect(cookie).toMatchObject({ value: 'es', path: '/', sameSite: 'Lax' });
  expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 360 * 24 * 3600);

  await page.reload();
  await expect(heading(page, words(es, 'dashboard.title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // The account remembers it too: with the cookie gone, signing in brings Spanish back.
  await page.getByRole('button', { name: words(es, 'nav.signOut') }).click();
  await context.clearCookies();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, words(es, 'dashboard.title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // Back to English for the other tests, which sign in as the same admin.
  await page.getByRole('button', { name: `${words(es, 'language.label')}: Español` }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await signOut(page);
});

test('a visitor to the verification page switches to Kreyòl ayisyen', async ({ browser, baseURL }) => {
  const visitor = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC' });
  const page = await visitor.newPage();
  await page.goto('/verify');
  await expect(heading(page, 'Verify a credential')).toBeVisible();
  await page.getByRole('button', { name: 'Language: English' }).click();
  await expectAccessible(page, 'the verification page with its languages listed');
  await page.getByRole('button', { name: 'Kreyòl ayisyen' }).click();
  await expect(heading(page, words(ht, 'verify.file.title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ht');
  await visitor.close();
});
