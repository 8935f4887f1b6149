import type { Page } from '@playwright/test';
import { createAgency, createHost } from './roster.js';
import { ADMIN, expect, expectAccessible, heading, type SessionApi, sessionApi, signIn, test, unique } from './support.js';

/** A year no other journey plans in, so the dashboard's figure for it moves only by this one. */
const YEAR = 2019;
const START = `${YEAR}-03-04`;
const PLANNED_END = `${YEAR}-06-01`;
const CORRECTED_END = `${YEAR}-04-30`;

/** An officer ready for a tour in the spring of the year: passport, medical and training on record before it. */
async function readyOfficer(api: SessionApi, organizationId: string, familyName: string): Promise<string> {
  const person = await api.post('/people', {
    organizationId,
    givenName: 'Joseph',
    familyName,
    rankTitle: 'Sergeant',
    languages: [{ language: 'fr', speaking: '3', reading: '3' }],
    heritageCountries: ['HT'],
  });
  let { version } = await api.put<{ version: number }>(`/people/${person.id}/readiness/passport`, { completedOn: `${YEAR - 3}-01-10`, expiresOn: `${YEAR + 6}-01-09`, passportNumber: 'P5521907' }, 1);
  ({ version } = await api.put<{ version: number }>(`/people/${person.id}/readiness/medical_clearance`, { completedOn: `${YEAR}-02-01` }, version));
  await api.put(`/people/${person.id}/readiness/predeployment_training`, { completedOn: `${YEAR}-02-15` }, version);
  return person.id;
}

/** A past tour with one officer deployed on its first day and never recorded back: their days run to its planned end. */
async function deployedTour(api: SessionApi, title: string, personId: string): Promise<string> {
  type Versioned = { id: string; version: number };
  let deployment = await api.post<Versioned>('/deployments', { title, hostCountry: 'HT', track: 'policing', purposes: ['mentor'], startOn: START, endOn: PLANNED_END, authorizedHeadcount: 2, plannedOn: `${YEAR}-01-07` });
  const move = async (status: string, on: string) => {
    deployment = await api.post<Versioned>(`/deployments/${deployment.id}/status-changes`, { status, on }, deployment.version);
  };
  await move('staffing', `${YEAR}-01-14`);
  let assignment = await api.post<Versioned>(`/deployments/${deployment.id}/assignments`, { personId, role: 'mentor' });
  const act = async (body: object) => {
    assignment = await api.post<Versioned>(`/deployments/${deployment.id}/assignments/${assignment.id}/status-changes`, body, assignment.version);
  };
  await act({ status: 'selected' });
  await act({ status: 'ready' });
  await move('predeployment', `${YEAR}-02-20`);
  await act({ status: 'deployed', on: START });
  return deployment.id;
}

/** The dashboard's person-days for the year, read from the figure's own words. */
async function personDaysOnDashboard(page: Page): Promise<number> {
  await page.goto(`/?year=${YEAR}`);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const figure = page.getByText(new RegExp(`^[\\d,]+ person-days? in ${YEAR}$`));
  await expect(figure).toBeVisible();
  return Number((await figure.innerText()).split(' ')[0]?.replace(/,/g, ''));
}

test('a deployment’s dates are corrected, and the person-days on the dashboard follow', async ({ page }) => {
  test.setTimeout(90_000);
  // Not named for its country: the deployment journey finds its own by the word Haiti.
  const title = unique('Port-au-Prince: advising the police academy');
  let deploymentId = '';

  await test.step('sign in, and put a past tour with one officer deployed on record', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const api = await sessionApi(page);
    const agencyId = await createAgency(api, unique('Miami-Dade Police Department'), 'MDPD');
    await createHost(api, unique('Police Nationale d’Haïti'));
    const personId = await readyOfficer(api, agencyId, unique('Exemple'));
    deploymentId = await deployedTour(api, title, personId);
    // Someone free to nominate, for the candidate finder.
    await readyOfficer(api, agencyId, unique('Modèle'));
  });

  const before = await personDaysOnDashboard(page);
  expect(before).toBeGreaterThanOrEqual(90);

  await test.step('the deployment’s history reads the days its steps were taken', async () => {
    await page.goto(`/deployments/${deploymentId}`);
    await expect(heading(page, title)).toBeVisible();
    const history = page.getByRole('region', { name: 'Status history' });
    await expect(history).toContainText(String(YEAR));
    await expect(history).not.toContainText(String(new Date().getUTCFullYear()));
  });

  await test.step('correct the end date in the edit form; a date before the start is refused in the API’s words', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Edit' }).click();
    await expect(heading(page, `Edit ${title}`)).toBeVisible();
    await expectAccessible(page, 'edit deployment');
    const end = page.getByRole('textbox', { name: 'End date', exact: true });
    // The field shows PLANNED_END in the reader's order.
    await expect(end).toHaveValue(`06/01/${YEAR}`);
    await end.fill(`${YEAR}-03-01`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(end).toHaveAccessibleDescription(/must not come before the start/);
    await expectAccessible(page, 'edit deployment with errors');
    await end.fill(CORRECTED_END);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('The deployment was saved.')).toBeVisible();
    await expect(heading(page, title)).toBeVisible();
    // 4 March to 30 April, both counted, for the one officer whose end followed the deployment's.
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('58');
    await expectAccessible(page, 'deployment after its correction');
  });

  await test.step('the dashboard counts the corrected days', async () => {
    expect(await personDaysOnDashboard(page)).toBe(before - 32);
  });

  await test.step('the candidate finder is a compact table, filtered and sorted', async () => {
    await page.goto(`/deployments/${deploymentId}/candidates`);
    await expect(heading(page, `Candidates for ${title}`)).toBeVisible();
    const table = page.getByRole('table', { name: /Candidates, ranked/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Modèle' })).toBeVisible();
    // Nobody of the agency has a corrections partnership or training: the filter leaves no one.
    await page.getByLabel('Track', { exact: true }).selectOption({ label: 'Corrections' });
    await expect(page.getByText('No one matches these filters.')).toBeVisible();
    await page.getByLabel('Track', { exact: true }).selectOption({ label: 'Any track' });
    // The USWDS checkbox is drawn by its label, which takes the click.
    await page.getByText('Ready to deploy only').click();
    await expect(page.getByLabel('Ready to deploy only')).toBeChecked();
    await expect(table.getByRole('row').filter({ hasText: 'Modèle' })).toBeVisible();
    await table.getByRole('button', { name: 'Score', exact: true }).click();
    await expect(table.getByRole('columnheader', { name: 'Score', exact: true })).toHaveAttribute('aria-sort', 'descending');
    await expectAccessible(page, 'candidate finder');
  });
});
