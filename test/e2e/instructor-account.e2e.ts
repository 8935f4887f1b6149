import { createAgency, createOfficer, fullName, haitiOfficers } from './roster.js';
import { ADMIN, expect, expectAccessible, heading, mainNav, sessionApi, signIn, signOut, test } from './support.js';

test('an instructor account is bound to their roster record, and sees only that', async ({ page }) => {
  const email = `instructor.${Date.now().toString(36)}@e2e.test`;
  const newPassword = 'copper valley steadily 2031 lantern';
  const [officer] = haitiOfficers();
  if (!officer) throw new Error('The roster has officers.');
  const name = fullName(officer);

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  await createOfficer(api, await createAgency(api, `Miami-Dade Police Department ${Date.now().toString(36)}`, 'MDPD'), officer);

  await page.goto('/admin/users/new');
  await expect(heading(page, 'Add a user')).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption({ label: 'Instructor' });
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('link', { name: /Person is required for an instructor/ })).toBeVisible();

  await page.getByLabel('Search the roster by name').fill(officer.familyName);
  await page.getByLabel('Search the roster by name').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 person found' })).toBeVisible();
  await page.getByText(new RegExp(`^${name}, `)).click();
  await expect(page.getByText(`Chosen: ${name}`)).toBeVisible();
  await expectAccessible(page, 'new instructor with a person chosen');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: `${name} can now sign in` })).toBeFocused();
  const oneTimePassword = ((await page.getByTestId('one-time-secret').textContent()) ?? '').trim();
  await signOut(page);

  await signIn(page, email, oneTimePassword);
  await page.getByLabel('One-time password').fill(oneTimePassword);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByLabel('Type the new password again').fill(newPassword);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(heading(page, 'Home')).toBeVisible();

  await expect(mainNav(page).getByRole('link', { name: 'Deployments' })).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'Your record' }).click();
  await expect(heading(page, name)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Readiness' })).toContainText('Passport');
  await expect(page.getByRole('button', { name: 'Reveal the number' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expectAccessible(page, 'instructor’s own record');
  await signOut(page);
});
