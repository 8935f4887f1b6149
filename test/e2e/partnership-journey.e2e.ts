import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, heading, isoDay, mainNav, signIn, signOut, test, unique } from './support.js';

async function moveTo(page: Page, stage: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Move to another stage' });
  await section.getByLabel('Move to').selectOption({ label: stage });
  await section.getByRole('button', { name: 'Move' }).click();
}

test('a partner goes from prospect to active, and its overdue follow-up reaches the home page', async ({ page }) => {
  // A whole pipeline, an agreement, a meeting and its follow-up: as long a journey as the deployment's.
  test.setTimeout(120_000);
  const organization = unique('Arlington County Police Department');
  const followUp = unique('Send Arlington the draft training calendar');
  const reference = unique('MOU-INL-2026');

  await test.step('sign in', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(heading(page, 'Sign in to Cadre')).toBeVisible();
    await expectAccessible(page, 'sign-in');
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await expect(heading(page, 'Dashboard')).toBeFocused();
    await expectAccessible(page, 'home');

    // On a fresh page load the first Tab reaches the skip link, which jumps to the content.
    await page.reload();
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  await test.step('create a partner organization', async () => {
    await mainNav(page).getByRole('link', { name: 'Organizations' }).click();
    await expect(heading(page, 'Organizations')).toBeVisible();
    await expect(heading(page, 'Organizations')).toBeFocused();
    await expectAccessible(page, 'organizations list');

    await page.getByRole('main').getByRole('link', { name: 'Add an organization' }).click();
    await expect(heading(page, 'Add an organization')).toBeVisible();
    await expectAccessible(page, 'new organization');

    // Sent empty, the form says what is missing, in a summary and beside each field.
    await page.getByRole('button', { name: 'Add organization' }).click();
    const summary = page.getByRole('heading', { name: 'There are problems with 3 fields' });
    await expect(summary).toBeVisible();
    await expect(page.locator('.error-summary')).toBeFocused();
    const name = page.getByLabel('Name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/Name must not be empty/);
    await expectAccessible(page, 'new organization with errors');

    await name.fill(organization);
    await page.getByLabel('Acronym').fill('ACPD');
    await page.getByLabel('Kind').selectOption({ label: 'Municipal police department' });
    await page.getByLabel('Country').selectOption({ label: 'United States' });
    await page.getByLabel('State, province or department').selectOption({ label: 'Virginia' });
    await page.getByLabel('City').fill('Arlington');
    await page.getByRole('button', { name: 'Add organization' }).click();

    await expect(heading(page, `${organization} (ACPD)`)).toBeVisible();
    await expect(page.getByText(`${organization} was added.`)).toBeVisible();
    await expect(page.getByText('The program office has no partnership with this organization yet.')).toBeVisible();
    await expectAccessible(page, 'organization detail');
  });

  await test.step('start its partnership', async () => {
    await page.getByRole('link', { name: 'Start partnership' }).click();
    await expect(heading(page, 'Start a partnership')).toBeVisible();
    await expect(page.getByLabel('Organization')).toHaveValue(/.+/);
    await expectAccessible(page, 'new partnership');
    // A USWDS checkbox draws its own box over the input: people click the label.
    await page.getByText('Policing', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Policing' })).toBeChecked();
    await page.getByLabel('Add a country').selectOption({ label: 'Haiti' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Remove Haiti' })).toBeVisible();
    await page.getByRole('button', { name: 'Start partnership' }).click();

    await expect(heading(page, `Partnership with ${organization}`)).toBeVisible();
    await expect(page.getByText(`The partnership with ${organization} was started.`)).toBeVisible();
    await expectAccessible(page, 'partnership detail');
  });

  await test.step('move it through the pipeline', async () => {
    await moveTo(page, 'Engaged');
    await expect(page.getByText('The partnership moved to Engaged.')).toBeVisible();
    await moveTo(page, 'Agreement');
    await expect(page.getByText('The partnership moved to Agreement.')).toBeVisible();

    // Without a signed agreement in force the API refuses "active", and says why.
    await moveTo(page, 'Active');
    const refusal = page.getByRole('alert').filter({ hasText: 'This change is not allowed' });
    await expect(refusal).toContainText('signed agreement in force');
    await expectAccessible(page, 'partnership detail with a refused move');
  });

  await test.step('record a signed agreement, then make it active', async () => {
    await page.getByRole('button', { name: 'Add an agreement' }).click();
    await expect(page.getByRole('heading', { name: 'Record an agreement' })).toBeFocused();
    await page.getByLabel('Kind').selectOption({ label: 'Memorandum of understanding' });
    await page.getByLabel('Reference').fill(reference);
    await page.getByLabel('Title').fill('Police mentoring in Haiti');
    await page.getByLabel('Signed on').fill(isoDay(-7));
    await page.getByLabel('Expires on').fill(isoDay(730));
    await page.getByLabel('Renewal due on').fill(isoDay(60));
    await page.getByLabel('Reimbursement ceiling (US dollars)').fill('250,000');
    await expectAccessible(page, 'agreement form');
    await page.getByRole('button', { name: 'Save agreement' }).click();

    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('In force');
    await expect(row).toContainText('$250,000.00');

    await moveTo(page, 'Active');
    await expect(page.getByText('The partnership moved to Active.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Stage history' })).toContainText('Agreement → Active');
  });

  await test.step('see it on the board', async () => {
    await mainNav(page).getByRole('link', { name: 'Partnerships' }).click();
    await expect(heading(page, 'Partnership pipeline')).toBeVisible();
    await expect(page.getByRole('region', { name: /^Active/ })).toContainText(organization);
    await expectAccessible(page, 'partnership board');
  });

  await test.step('log an engagement with an overdue follow-up', async () => {
    await page.getByRole('link', { name: organization }).click();
    await expect(heading(page, `Partnership with ${organization}`)).toBeVisible();
    await page.getByRole('link', { name: organization, exact: true }).click();
    await expect(heading(page, `${organization} (ACPD)`)).toBeVisible();
    await page.getByRole('link', { name: 'Log an engagement' }).click();
    await expect(heading(page, 'Log an engagement')).toBeVisible();
    await expectAccessible(page, 'new engagement');

    await page.getByLabel('Kind').selectOption({ label: 'Visit' });
    // A visit three weeks ago, whose follow-up fell due ten days ago: overdue, and not due before its meeting.
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill(isoDay(-21));
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Site visit to the Arlington training academy');
    await page.getByLabel('Location').fill('Arlington, Virginia');
    await page.getByLabel('Outcome').fill('Two instructors may join the Haiti mission.');
    await page.getByRole('button', { name: 'Add a participant' }).click();
    await expect(page.getByLabel('Name')).toBeFocused();
    await page.getByLabel('Name').fill('Maria Lopez');
    await page.getByLabel('Title or rank').fill('Deputy Chief');
    await page.getByRole('button', { name: 'Add a follow-up task' }).click();
    await page.getByLabel('Task').fill(followUp);
    await page.getByLabel('Due date').fill(isoDay(-10));
    await page.getByRole('button', { name: 'Save engagement' }).click();

    await expect(heading(page, 'Site visit to the Arlington training academy')).toBeVisible();
    await expect(page.getByText('Maria Lopez')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: followUp })).toContainText('Overdue');
    await expectAccessible(page, 'engagement detail');
  });

  await test.step('find the follow-up among the overdue tasks', async () => {
    await mainNav(page).getByRole('link', { name: 'Follow-ups' }).click();
    await expect(heading(page, 'Follow-ups')).toBeVisible();
    await page.getByRole('link', { name: 'Overdue' }).click();
    await expect(page.getByRole('link', { name: 'Overdue' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('row').filter({ hasText: followUp })).toBeVisible();
    await expectAccessible(page, 'tasks');
  });

  await test.step('see the follow-up and the renewal on the dashboard, the program office\'s home', async () => {
    await mainNav(page).getByRole('link', { name: 'Dashboard' }).click();
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Overdue follow-ups' }).getByRole('link', { name: followUp })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Agreements due for renewal' })).toContainText(reference);
    await expect(page.getByRole('region', { name: 'Partners by kind and stage' })).toBeVisible();
    await page.getByRole('region', { name: 'Overdue follow-ups' }).getByRole('link', { name: followUp }).click();
    await expect(heading(page, 'Site visit to the Arlington training academy')).toBeVisible();
  });

  await test.step('check the admin pages and the audit chain', async () => {
    await mainNav(page).getByRole('link', { name: 'Administration' }).click();
    await expect(heading(page, 'Users')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: ADMIN.email })).toBeVisible();
    await expectAccessible(page, 'admin users');

    await page.getByRole('navigation', { name: 'Administration pages' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(heading(page, 'Audit log')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'partnership.stage_change' }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('heading', { name: 'The audit chain is intact' })).toBeVisible();
    await expectAccessible(page, 'audit log');
  });

  await test.step('sign out', async () => {
    await signOut(page);
  });
});
