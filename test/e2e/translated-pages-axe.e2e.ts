import type { Page } from '@playwright/test';
import { LOCALES, type Locale, words } from './catalogs.js';
import { ADMIN, apiSignIn, expect, expectAccessible, heading, sessionApi, test, unique } from './support.js';
import { certifyParticipant } from './training.js';

/** Where each language's screenshots go, for a person to look at (they are not compared). */
const SCREENSHOTS = 'test-results/languages';

/** Opens a page in the language set, waits for its data, and runs axe on it. */
async function check(page: Page, locale: Locale, path: string, title: string | RegExp, where: string): Promise<void> {
  await page.goto(path);
  await expect(heading(page, title)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0);
  await expectAccessible(page, `${where} in ${locale}`);
}

test('the main pages pass axe in every language, with the page’s language and the records’ marked', async ({ page, context, baseURL }) => {
  // Five languages, five pages each, and axe on every one.
  test.setTimeout(300_000);
  const mark = unique('').trim();
  // One session for every language: the account follows the browser, and the cookie names the language.
  await apiSignIn(page.request, ADMIN.email, ADMIN.password);
  const api = await sessionApi(page);
  await page.request.fetch('/api/auth/me', { method: 'PATCH', data: { locale: null }, headers: { 'x-csrf-token': api.me.csrfToken } });
  const { certificationId, offeringId, holder, agency, credential } = await certifyParticipant(api, mark, { givenName: 'Nadège', familyName: `Beauvoir ${mark}` });
  const organizationsUrl = `/organizations?q=${encodeURIComponent(agency)}`;

  for (const locale of LOCALES) {
    await test.step(locale, async () => {
      await context.addCookies([{ name: 'cadre_locale', value: locale, url: baseURL ?? '' }]);
      const foreign = locale === 'en' ? 0 : 1;

      await check(page, locale, '/', words(locale, 'dashboard.title'), 'the dashboard');
      await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${locale}.png`, fullPage: true });

      await check(page, locale, organizationsUrl, words(locale, 'organizations.listTitle'), 'the organizations');
      await expect(page.getByRole('link', { name: agency }).locator('[lang="en"]')).toHaveCount(foreign);

      await check(page, locale, `/people/${holder.id}`, holder.name, 'a person');
      const training = page.getByRole('region', { name: words(locale, 'transcript.heading') });
      await expect(training.getByRole('link', { name: credential }).locator('[lang="en"]')).toHaveCount(foreign);

      await check(page, locale, `/offerings/${offeringId}`, /: Custody instructor development$/, 'an offering');
      await expect(page.locator('h1[lang="en"]')).toHaveCount(foreign);

      await check(page, locale, `/verify/${certificationId}`, words(locale, 'verify.certificateTitle', { name: holder.name }), 'a certificate’s public page');
      await page.screenshot({ path: `${SCREENSHOTS}/verify-${locale}.png`, fullPage: true });
    });
  }
  await context.clearCookies({ name: 'cadre_locale' });
});
