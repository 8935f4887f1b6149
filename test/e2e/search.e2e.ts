import { createAgency } from './roster.js';
import { ADMIN, expect, expectAccessible, heading, sessionApi, signIn, test, unique } from './support.js';

test('finds a person by part of an accented name from the header, and opens them', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  const agencyId = await createAgency(api, unique('Nassau County Police Department'), 'NCPD');
  const mark = unique('').trim();
  const familyName = `Saint-Éloi ${mark}`;
  const person = await api.post('/people', { organizationId: agencyId, givenName: 'Hélène', familyName, languages: [], heritageCountries: [], specialties: [] });
  await api.post('/people', { organizationId: agencyId, givenName: 'Hélio', familyName: `Other ${mark}`, languages: [], heritageCountries: [], specialties: [] });

  // Typed without accents, a word and a half: "helene saint-e" and the run's mark.
  const field = page.getByRole('combobox', { name: 'Search Cadre' });
  await field.fill(`helene saint-e ${mark}`);
  const option = page.getByRole('option', { name: new RegExp(`Hélène Saint-Éloi ${mark}`) });
  await expect(option).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('group', { name: 'People' })).toBeVisible();
  await expect(page.getByRole('option', { name: /Hélio/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /1 suggestion\./ })).toHaveCount(1);
  await expectAccessible(page, 'the header search with its suggestions open');

  await field.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) as string);
  await expect(field).toBeFocused();
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`));
  await expect(heading(page, `Hélène ${familyName}`)).toBeVisible();

  // Enter with no suggestion chosen opens the results page, grouped by kind.
  await field.fill(`hel ${mark}`);
  await expect(page.getByRole('option', { name: /Hélio/ })).toBeVisible();
  await field.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeHidden();
  await field.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=hel/);
  await expect(heading(page, 'Search')).toBeVisible();
  const people = page.getByRole('region', { name: 'People (2)' });
  await expect(people.getByRole('link', { name: `Hélène ${familyName}` })).toHaveAttribute('href', `/people/${person.id}`);
  await expect(people.getByRole('link', { name: `Hélio Other ${mark}` })).toBeVisible();
  await expectAccessible(page, 'the search results page');

  await people.getByRole('link', { name: `Hélène ${familyName}` }).click();
  await expect(heading(page, `Hélène ${familyName}`)).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the search in the menu suggests and opens, and its results fit the screen', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const api = await sessionApi(page);
    const agencyId = await createAgency(api, unique('Suffolk County Police Department'), 'SCPD');
    const mark = unique('').trim();
    const person = await api.post('/people', { organizationId: agencyId, givenName: 'Anaïs', familyName: `Béranger ${mark}`, languages: [], heritageCountries: [], specialties: [] });

    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const field = page.getByRole('combobox', { name: 'Search Cadre' });
    await field.fill(`anais ${mark}`);
    const option = page.getByRole('option', { name: new RegExp(`Anaïs Béranger ${mark}`) });
    await expect(option).toBeVisible();
    const box = await option.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await option.tap();
    await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`));

    await page.goto(`/search?q=${encodeURIComponent(`beranger ${mark}`)}`);
    await expect(page.getByRole('region', { name: 'People (1)' })).toBeVisible();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'the search results page on a phone');
  });
});
