import { ADMIN, expect, expectAccessible, heading, signIn, test } from './support.js';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('on a phone, the menu opens and the pipeline columns stack', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Home')).toBeVisible();
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
