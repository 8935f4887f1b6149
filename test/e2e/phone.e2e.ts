import { createAgency, createOfficer, fullName, haitiOfficers } from './roster.js';
import { ADMIN, expect, expectAccessible, heading, isoDay, sessionApi, signIn, test, unique } from './support.js';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('on a phone, the menu opens and the pipeline columns stack', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await expectAccessible(page, 'home on a phone');

  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await menu.click();
  await expect(nav).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Close the menu' })).toBeFocused();
  await expectAccessible(page, 'open menu on a phone');

  // Escape closes it and gives focus back to the Menu button.
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole('link', { name: 'Partnerships' }).click();
  await expect(heading(page, 'Partnership pipeline')).toBeVisible();
  await expect(nav).toBeHidden();

  const prospect = await page.getByRole('region', { name: /^Prospect/ }).boundingBox();
  const engaged = await page.getByRole('region', { name: /^Engaged/ }).boundingBox();
  expect(prospect && engaged && engaged.y > prospect.y && engaged.x === prospect.x).toBe(true);
  // Nothing runs off the side of the screen.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'partnership board on a phone');
});

test('on a phone, a deployment and the timeline fit the screen', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  const agencyId = await createAgency(api, unique('Queens County Police Department'), 'QCPD');
  const [officer] = haitiOfficers();
  if (!officer) throw new Error('The roster has officers.');
  const personId = await createOfficer(api, agencyId, officer);
  const title = unique('Haiti: corrections advisers');
  const deployment = await api.post('/deployments', {
    title,
    hostCountry: 'HT',
    track: 'corrections',
    purposes: ['advise'],
    startOn: isoDay(-1),
    authorizedHeadcount: 2,
    requiredLanguages: [{ language: 'ht', minSpeaking: '2' }],
  });
  await api.post(`/deployments/${deployment.id}/assignments`, { personId, role: 'advisor' });

  await page.goto(`/deployments/${deployment.id}`);
  await expect(heading(page, title)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Officers' }).getByRole('link', { name: fullName(officer) })).toBeVisible();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'deployment on a phone');

  await page.goto('/deployments/timeline');
  await expect(heading(page, 'Deployment timeline')).toBeVisible();
  await expect(page.getByRole('figure').getByRole('link', { name: new RegExp(`^${fullName(officer)}, `) })).toBeVisible();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'timeline on a phone');
});
