import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ADMIN, expect, expectAccessible, heading, isoDay, sessionApi, signIn, signOut, test, unique } from './support.js';

const run = promisify(execFile);

/**
 * The notices job runs at start-up and then hourly; `cadre jobs run` runs it now, as an operator
 * would, against the test server's own database (see playwright.config.ts).
 */
async function runNoticesNow(): Promise<void> {
  const env = { ...process.env, CADRE_DATA_DIR: process.env.CADRE_E2E_DATA_DIR, LOG_LEVEL: 'warn' };
  const { stdout } = await run(process.execPath, ['bin/cadre.js', 'jobs', 'run', 'notices'], { env });
  expect(stdout).toContain('Ran notices.');
}

test('a program officer sees an overdue follow-up of theirs in notifications and opens it', async ({ page }) => {
  const email = `officer.${Date.now().toString(36)}@e2e.test`;
  const password = 'harbor lantern quietly 2032 meadow';
  const meeting = unique('Follow-up meeting with Norfolk PD');
  const followUp = unique('Send Norfolk PD the draft memorandum');

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const api = await sessionApi(page);
  const officer = await api.post<{ user: { id: string } }>('/users', { email, name: 'Olivia Officer', role: 'program_officer', password });
  const agency = await api.post('/organizations', { name: unique('Norfolk Police Department'), kind: 'municipal_police', country: 'US' });
  const engagement = await api.post('/engagements', {
    organizationId: agency.id,
    kind: 'meeting',
    occurredOn: isoDay(-20),
    title: meeting,
    participants: [],
    followUps: [{ title: followUp, dueOn: isoDay(-2), ownerId: officer.user.id }],
  });
  await signOut(page);
  await runNoticesNow();

  await signIn(page, email, password);
  await expect(heading(page, 'Dashboard')).toBeVisible();
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(heading(page, 'Notifications')).toBeVisible();
  const today = page.getByRole('region', { name: 'Today' });
  const notice = today.getByRole('link', { name: new RegExp(`Follow-up overdue: ${followUp}`) });
  await expect(notice).toBeVisible();
  await expect(today).toContainText(`after “${meeting}”`);
  await expectAccessible(page, 'notifications');

  // Read from the keyboard: the notice's link opens the meeting its follow-up came from.
  await notice.focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, meeting)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/engagements/${engagement.id}`);
  await expect(page.getByText(followUp)).toBeVisible();

  // Opening it read it: no longer said to be unread.
  await page.goBack();
  await expect(heading(page, 'Notifications')).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`Follow-up overdue: ${followUp}$`) })).toBeVisible();
  await expectAccessible(page, 'notifications, all read');
  await signOut(page);
});
