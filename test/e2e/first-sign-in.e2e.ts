import { ADMIN, expect, expectAccessible, heading, mainNav, signIn, signOut, test, unique } from './support.js';

test('a new user signs in with a one-time password and must choose their own first', async ({ page }) => {
  const name = unique('Grace Viewer');
  const email = `viewer.${Date.now().toString(36)}@e2e.test`;
  const newPassword = 'lantern harbor quietly 1987 river';

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Add a user' }).click();
  await expect(heading(page, 'Add a user')).toBeVisible();
  await expectAccessible(page, 'new user');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption({ label: 'Viewer' });
  await page.getByRole('button', { name: 'Add user' }).click();

  const secret = page.getByTestId('one-time-secret');
  await expect(page.getByRole('heading', { name: `${name} can now sign in` })).toBeFocused();
  await expectAccessible(page, 'new user with its one-time password');
  const oneTimePassword = (await secret.textContent())?.trim() ?? '';
  expect(oneTimePassword).toMatch(/^[a-z0-9-]{20,}$/);
  await signOut(page);

  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(heading(page, 'Choose your password')).toBeVisible();
  await expectAccessible(page, 'choose password');

  // Nothing else opens until the password is changed.
  await page.goto('/organizations');
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(mainNav(page).getByRole('link', { name: 'Organizations' })).toHaveCount(0);
  await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByLabel('One-time password').fill(oneTimePassword);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
  await page.getByLabel('Type the new password again').fill('different');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('textbox', { name: 'New password', exact: true })).toHaveAccessibleDescription(/at least 15 characters/);
  await expect(page.getByLabel('Type the new password again')).toHaveAccessibleDescription(/must be the same as the new password/);

  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByLabel('Type the new password again').fill(newPassword);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await expect(page.getByText('Your password was changed.')).toBeVisible();

  // A viewer reads but is offered no changes.
  await mainNav(page).getByRole('link', { name: 'Organizations' }).click();
  await expect(heading(page, 'Organizations')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add an organization' })).toHaveCount(0);
  await expect(mainNav(page).getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await signOut(page);
});
