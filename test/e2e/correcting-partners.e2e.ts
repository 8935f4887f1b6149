import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, heading, sessionApi, signIn, test, unique } from './support.js';

interface Records {
  partnershipId: string;
  organization: string;
  reference: string;
  meeting: string;
  followUp: string;
  engagementId: string;
}

/** A partner from 2011 as a program office would have entered it: a partnership, its MOU, a meeting and its follow-up. */
async function partnerFrom2011(page: Page): Promise<Records> {
  const api = await sessionApi(page);
  const organization = unique('Police Nationale d’Haïti');
  const reference = unique('MOU-PNH');
  const meeting = unique('Talks with the PNH academy');
  const followUp = unique('Send the PNH the draft curriculum');
  const org = await api.post('/organizations', { name: organization, acronym: 'PNH', kind: 'foreign_police', country: 'HT', city: 'Port-au-Prince' });
  const partnership = await api.post('/partnerships', { organizationId: org.id, stage: 'engaged', startedOn: '2011-01-10', tracks: ['policing'], targetCountries: ['HT'] });
  await api.post(`/partnerships/${partnership.id}/agreements`, { kind: 'mou', reference, signedOn: '2011-02-01', renewalDueOn: '2013-12-01', expiresOn: '2014-03-01' });
  const engagement = await api.post('/engagements', {
    organizationId: org.id,
    kind: 'meeting',
    occurredOn: '2011-03-01',
    title: meeting,
    followUps: [{ title: followUp, dueOn: '2011-04-01' }],
  });
  return { partnershipId: partnership.id, organization, reference, meeting, followUp, engagementId: engagement.id };
}

/** Signed in as the program office, with a partner from 2011 on record. */
async function start(page: Page): Promise<Records> {
  // Each page is checked with axe on a machine that may be busy.
  test.setTimeout(120_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  return partnerFrom2011(page);
}

test('a wrong agreement date is refused with the rule’s words, then corrected', async ({ page }) => {
  const records = await start(page);

  await test.step('the partnership page shows its agreements, meetings and follow-ups', async () => {
    await page.goto(`/partnerships/${records.partnershipId}`);
    await expect(heading(page, new RegExp(records.organization))).toBeVisible();
    const meetings = page.getByRole('region', { name: 'Meetings' });
    await expect(meetings.getByRole('link', { name: records.meeting })).toBeVisible();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await expect(followUps.getByRole('row', { name: new RegExp(records.followUp) })).toContainText('Overdue');
    await expectAccessible(page, 'partnership with meetings and follow-ups');
  });

  await test.step('a wrong agreement date is refused with the rule’s words, then saved corrected', async () => {
    await page.getByRole('link', { name: `Edit agreement ${records.reference}` }).click();
    await expect(heading(page, `Edit agreement ${records.reference}`)).toBeVisible();
    await expectAccessible(page, 'edit agreement');
    await page.getByLabel('Signed on').fill('2011-03-01');
    await page.getByLabel('Renewal due on').fill('2010-12-01');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const renewal = page.getByLabel('Renewal due on');
    await expect(renewal).toHaveAttribute('aria-invalid', 'true');
    await expect(renewal).toHaveAccessibleDescription(/must not come before the day it was signed \(2011-03-01\)/);
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectAccessible(page, 'edit agreement with a date out of order');

    await renewal.fill('2013-12-01');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(heading(page, new RegExp(records.organization))).toBeVisible();
    await expect(page.getByText(`Agreement ${records.reference} was saved.`)).toBeVisible();
    const row = page.getByRole('region', { name: 'Agreements' }).getByRole('row', { name: new RegExp(records.reference) });
    await expect(row).toContainText('Mar 1, 2011');
    await expect(row).toContainText('Dec 1, 2013');
  });

});

test('a follow-up done in 2011 is recorded as done in 2011, reopened and edited', async ({ page }) => {
  const records = await start(page);

  await test.step('a follow-up done in 2011 is recorded as done in 2011, then reopened', async () => {
    await page.goto(`/partnerships/${records.partnershipId}`);
    await expect(heading(page, new RegExp(records.organization))).toBeVisible();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await followUps.getByRole('button', { name: `Mark done: ${records.followUp}` }).click();
    const day = followUps.getByLabel('Done on');
    await expect(day).toBeFocused();
    await day.fill('2011-04-15');
    await expectAccessible(page, 'partnership with a follow-up being marked done');
    await followUps.getByRole('button', { name: 'Mark done', exact: true }).click();
    const row = followUps.getByRole('row', { name: new RegExp(records.followUp) });
    await expect(row).toContainText('Done Apr 15, 2011');

    await row.getByRole('button', { name: `Reopen: ${records.followUp}` }).click();
    await expect(row).toContainText('Overdue');
    await expect(row.getByRole('button', { name: `Mark done: ${records.followUp}` })).toBeVisible();
  });

  await test.step('a follow-up is edited, and cannot fall due before its meeting', async () => {
    await page.getByRole('link', { name: `Edit: ${records.followUp}` }).click();
    await expect(heading(page, `Edit follow-up: ${records.followUp}`)).toBeVisible();
    await expectAccessible(page, 'edit follow-up');
    await page.getByLabel('Due').fill('2011-02-01');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByLabel('Due')).toHaveAccessibleDescription(/must not come before the meeting it follows \(2011-03-01\)/);
    await page.getByLabel('Due').fill('2011-05-01');
    await page.getByRole('textbox', { name: 'Notes' }).fill('The academy asked for it in French.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(heading(page, records.meeting)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(records.followUp) })).toContainText('May 1, 2011');
  });

});

test('a meeting is edited, then withdrawn as logged in error; the board filters', async ({ page }) => {
  const records = await start(page);

  await test.step('a meeting is edited, then withdrawn as logged in error', async () => {
    await page.goto(`/engagements/${records.engagementId}`);
    await expect(heading(page, records.meeting)).toBeVisible();
    await page.getByRole('link', { name: 'Edit engagement' }).click();
    await expect(heading(page, `Edit ${records.meeting}`)).toBeVisible();
    await expectAccessible(page, 'edit engagement');
    await page.getByRole('textbox', { name: 'Outcome' }).fill('The academy will review the curriculum.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(heading(page, records.meeting)).toBeVisible();
    await expect(page.getByText('The academy will review the curriculum.')).toBeVisible();

    await page.getByRole('button', { name: 'Withdraw as logged in error' }).click();
    await expect(page.getByRole('heading', { name: 'Withdraw this engagement' })).toBeFocused();
    await expect(page.getByText('Its 1 open follow-up will be cancelled')).toBeVisible();
    await expectAccessible(page, 'withdrawing an engagement');
    await page.getByRole('textbox', { name: 'Reason' }).fill('Logged twice');
    await page.getByRole('button', { name: 'Withdraw engagement' }).click();
    await expect(page.getByRole('heading', { name: 'Withdrawn as logged in error' })).toBeVisible();
    await expect(page.getByText(/Logged twice\. It counts in no list or figure\./)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit engagement' })).toHaveCount(0);
    await expectAccessible(page, 'withdrawn engagement');

    await page.goto(`/engagements?q=${encodeURIComponent(records.meeting)}`);
    await expect(page.getByText('No engagement is recorded.')).toBeVisible();
    await page.getByLabel('Withdrawn meetings').selectOption({ label: 'Include' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(/withdrawn=included/);
    await expect(page.getByRole('row', { name: new RegExp(records.meeting) })).toContainText('Withdrawn');
    await expectAccessible(page, 'engagements with withdrawn ones');
  });

  await test.step('the board filters by kind, country and owner, kept in the address', async () => {
    await page.goto('/partnerships');
    await page.getByLabel('Country').selectOption({ label: 'Haiti' });
    await page.getByLabel('Kind of organization').selectOption({ label: 'Foreign police service' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(/kind=foreign_police/);
    await expect(page).toHaveURL(/country=HT/);
    await expect(page.getByRole('link', { name: records.organization })).toBeVisible();
    await expectAccessible(page, 'filtered board');
    await page.reload();
    await expect(page.getByLabel('Country')).toHaveValue('HT');
    await page.getByLabel('Kind of organization').selectOption({ label: 'Academy' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByRole('link', { name: records.organization })).toHaveCount(0);
  });
});
