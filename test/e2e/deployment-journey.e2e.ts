import type { Page } from '@playwright/test';
import { createAgency, createHost, createOfficer, fullName, haitiOfficers } from './roster.js';
import { ADMIN, expect, expectAccessible, heading, isoDay, mainNav, sessionApi, signIn, test, unique } from './support.js';

async function moveTo(page: Page, status: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Change the status' });
  await section.getByLabel('Move to').selectOption({ label: status });
  await section.getByRole('button', { name: 'Move' }).click();
}

/** A one-click change of an officer's assignment, and the status it reaches. */
async function changeOfficer(page: Page, action: string, name: string, status: string): Promise<void> {
  await page.getByRole('button', { name: `${action}: ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is now ${status}.` })).toBeVisible();
}

test('six officers are found, readied and deployed to Haiti, and appear on the timeline', async ({ page }) => {
  // A whole mission, end to end: longer than one page's journey.
  test.setTimeout(120_000);
  const agency = unique('New York City Police Department');
  const host = unique('Police Nationale d’Haïti');
  const title = unique('Haiti: mentoring the Haitian National Police');
  const officers = haitiOfficers();
  const names = officers.map(fullName);
  const unready = officers.find((officer) => officer.isMissingTraining);
  if (!unready) throw new Error('The roster needs its one unready officer.');
  const unreadyName = fullName(unready);
  const start = isoDay(-1);

  await test.step('sign in, and put an agency, a host and six officers on record', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const api = await sessionApi(page);
    const agencyId = await createAgency(api, agency);
    await createHost(api, host);
    for (const officer of officers) await createOfficer(api, agencyId, officer);
  });

  await test.step('find them on the roster, with the unready one marked', async () => {
    await mainNav(page).getByRole('link', { name: 'People' }).click();
    await expect(heading(page, 'People')).toBeFocused();
    await page.getByLabel('Organization').selectOption({ label: agency });
    await page.getByLabel('Language').selectOption({ label: 'Haitian Creole' });
    await page.getByLabel('Speaking at least').selectOption({ value: '2' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Showing 6 records.' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: unreadyName });
    await expect(row).toContainText('Not ready');
    await row.getByText('Why? (1 reason)').click();
    await expect(row).toContainText('has not done pre-deployment training');
    await expect(page.getByRole('row').filter({ hasText: names[0] }).locator('.readiness-badge')).toHaveText('Ready');
    await expectAccessible(page, 'people list');
  });

  await test.step('add a seventh officer through the form', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Add a person' }).click();
    await expect(heading(page, 'Add a person')).toBeVisible();
    await expectAccessible(page, 'new person');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByLabel('Given name')).toHaveAccessibleDescription(/Given name must not be empty/);
    await expectAccessible(page, 'new person with errors');

    await page.getByLabel('Organization').selectOption({ label: agency });
    await page.getByLabel('Given name').fill('Paulette');
    await page.getByLabel('Family name').fill(unique('Maquette'));
    await page.getByLabel('Rank or title').fill('Detective');
    await page.getByRole('button', { name: 'Add a language' }).click();
    await expect(page.getByRole('combobox', { name: 'Language', exact: true })).toBeFocused();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'French' });
    await page.getByLabel('Speaking (ILR)').selectOption({ value: '1' });
    await page.getByLabel('Specialties').fill('Investigations, patrol');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(heading(page, /^Paulette Maquette/)).toBeVisible();
    await expect(page.getByText(/Paulette Maquette .* was added\./)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('French: speaking 1, reading 2');
    await expect(page.getByRole('region', { name: 'Readiness' })).toContainText('Not ready');
    await expectAccessible(page, 'person detail');
  });

  await test.step('plan the deployment to Haiti and open it for staffing', async () => {
    await mainNav(page).getByRole('link', { name: 'Deployments' }).click();
    await expect(heading(page, 'Deployments')).toBeVisible();
    await expectAccessible(page, 'deployments list');
    await page.getByRole('main').getByRole('link', { name: 'Plan a deployment' }).click();
    await expect(heading(page, 'Plan a deployment')).toBeVisible();
    await expectAccessible(page, 'new deployment');

    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Host country').selectOption({ label: 'Haiti' });
    await page.getByLabel('Host organization').selectOption({ label: host });
    await page.getByLabel('Track').selectOption({ label: 'Policing' });
    for (const purpose of ['Mentor', 'Train', 'Advise']) await page.getByText(purpose, { exact: true }).click();
    await page.getByLabel('Start date').fill(start);
    await expect(page.getByLabel('End date')).toHaveAccessibleDescription(/90 days from the start/);
    await page.getByLabel('Authorized headcount').fill('6');
    const languages = page.getByRole('group', { name: 'Required languages' });
    await languages.getByRole('button', { name: 'Add a language' }).click();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'Haitian Creole' });
    await languages.getByRole('button', { name: 'Add a language' }).click();
    await languages.getByRole('group', { name: 'Language 2' }).getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'French' });
    await page.getByLabel('Specialties').fill('Community policing');
    await page.getByRole('button', { name: 'Plan deployment' }).click();

    await expect(heading(page, title)).toBeVisible();
    await expect(page.getByText(`${title} was planned.`)).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('Haitian Creole speaking 2 or better');
    await expect(details).toContainText('French speaking 2 or better');
    await expect(rotationCounts(page)).toHaveText(['6', '0', '0']);
    await expectAccessible(page, 'deployment detail');
    await moveTo(page, 'Staffing');
    await expect(page.getByText('The deployment moved to Staffing.')).toBeVisible();
  });

  await test.step('rank the candidates, each score explained, and nominate six', async () => {
    await page.getByRole('link', { name: 'Find candidates' }).click();
    await expect(heading(page, `Candidates for ${title}`)).toBeVisible();
    const table = page.getByRole('table', { name: /Candidates, ranked/ });
    const ranked = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    const first = ranked.first();
    // Full marks but the track's: the agency has no policing partnership or training on record yet.
    await expect(first.getByRole('cell').nth(1)).toContainText(/^90/);
    await first.getByRole('button', { name: /^Why / }).click();
    // The explanation opens on a line of its own under the candidate's.
    await expect(table).toContainText(/(Haitian Creole|French) speaking \d\+? \(meets the 2 asked\)/);
    await expect(table).toContainText('heritage in Haiti');
    const unreadyRow = ranked.filter({ hasText: unreadyName });
    await expect(unreadyRow.getByRole('cell').nth(1)).toContainText(/^80/);
    await expect(unreadyRow).toContainText('Not ready');
    await unreadyRow.getByRole('button', { name: /^Why / }).click();
    await expect(table).toContainText('has not done pre-deployment training');
    await expectAccessible(page, 'candidates');

    for (const [index, name] of names.entries()) {
      const row = ranked.filter({ hasText: name });
      if (index === 0) await row.getByLabel(`Role for ${name}`).selectOption({ label: 'Team lead' });
      await row.getByRole('button', { name: `Nominate ${name}` }).click();
      await expect(page.getByText(new RegExp(`${name} was nominated as`))).toBeVisible();
      await expect(ranked.filter({ hasText: name })).toHaveCount(0);
    }
    await page.getByRole('link', { name: 'Back to the deployment' }).click();
    await expect(heading(page, title)).toBeVisible();
  });

  await test.step('select all six; the unready one cannot be marked ready', async () => {
    for (const name of names) await changeOfficer(page, 'Select', name, 'Selected');
    await expect(rotationCounts(page)).toHaveText(['6', '6', '0']);

    const unreadyRow = page.getByRole('row').filter({ hasText: unreadyName });
    await expect(unreadyRow).toContainText('Not ready to deploy:');
    await expect(unreadyRow).toContainText(`${unreadyName} has not done pre-deployment training`);
    await page.getByRole('button', { name: `Mark ready: ${unreadyName}` }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This change is not allowed' });
    await expect(refusal).toContainText(`${unreadyName} has not done pre-deployment training`);
    await expect(page.locator('.problem-alert')).toBeFocused();
    await expectAccessible(page, 'deployment with a refused readiness');
  });

  await test.step('record the missing training on their page', async () => {
    await unreadyRowLink(page, unreadyName).click();
    await expect(heading(page, unreadyName)).toBeVisible();
    await page.getByRole('button', { name: 'Record Pre-deployment training' }).click();
    await expect(page.getByRole('heading', { name: 'Record: Pre-deployment training' })).toBeFocused();
    await page.getByLabel('Completed on').fill(isoDay(-2));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Pre-deployment training was recorded.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Update Pre-deployment training' })).toBeFocused();
    const readiness = page.getByRole('region', { name: 'Readiness' });
    await expect(readiness.locator('.readiness-badge').first()).toHaveText('Ready');

    await readiness.getByRole('button', { name: 'Reveal the number' }).click();
    await expect(readiness).toContainText('P4417208');
    await expect(readiness).toContainText('This reveal was recorded in the audit log.');
    await expectAccessible(page, 'person readiness');
    await page.getByRole('region', { name: 'Assignments' }).getByRole('link', { name: title }).click();
    await expect(heading(page, title)).toBeVisible();
  });

  await test.step('mark all six ready and deploy them', async () => {
    await expect(page.getByRole('row').filter({ hasText: unreadyName })).not.toContainText('Not ready to deploy:');
    for (const name of names) await changeOfficer(page, 'Mark ready', name, 'Ready');
    await moveTo(page, 'Pre-deployment');
    await expect(page.getByText('The deployment moved to Pre-deployment.')).toBeVisible();

    // Nobody is deployed yet, so the rule refuses "in country", and says why.
    await moveTo(page, 'In country');
    await expect(page.getByRole('alert').filter({ hasText: 'This change is not allowed' })).toContainText('deploy an officer first');

    for (const name of names) {
      await page.getByRole('button', { name: `Deploy: ${name}` }).click();
      await expect(page.getByRole('heading', { name: `Deploy: ${name}` })).toBeFocused();
      // Shown as the locale writes dates (en-US: month/day/year).
      await expect(page.getByLabel('Deployed on')).toHaveValue(start.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1'));
      await page.getByRole('button', { name: 'Record deployment' }).click();
      await expect(page.getByRole('status').filter({ hasText: `${name} is now Deployed.` })).toBeVisible();
    }
    await expect(rotationCounts(page)).toHaveText(['6', '6', '6']);
    await moveTo(page, 'In country');
    await expect(page.getByText('The deployment moved to In country.')).toBeVisible();
    await expectAccessible(page, 'deployment in country');
  });

  await test.step('see the six on the timeline, and their person-days', async () => {
    await page.getByRole('navigation', { name: 'Deployments pages' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(heading(page, 'Deployment timeline')).toBeVisible();
    const chart = page.getByRole('figure', { name: /Assignments by person/ });
    for (const name of names) await expect(chart.getByRole('link', { name: new RegExp(`^${name}, ${escape(title)}, Deployed`) })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Assignments in these dates' }).getByRole('row').filter({ hasText: title })).toHaveCount(6);

    const personDays = page.getByRole('region', { name: 'Person-days deployed' });
    // Six officers, each deployed yesterday and today.
    await expect(personDays.getByRole('row').filter({ hasText: title }).getByRole('cell')).toHaveText(['6', '12']);
    await personDays.getByLabel('Group by').selectOption({ label: 'Country' });
    await expect(personDays.getByRole('row').filter({ hasText: 'Haiti' })).toBeVisible();
    await expectAccessible(page, 'timeline');
  });
});

/** Authorized, selected and deployed places of the first rotation. */
function rotationCounts(page: Page) {
  return page.getByRole('region', { name: 'Rotations' }).getByRole('row').nth(1).getByRole('cell').filter({ hasNotText: /\d{4}/ });
}

function unreadyRowLink(page: Page, name: string) {
  return page.getByRole('region', { name: 'Officers' }).getByRole('link', { name });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
