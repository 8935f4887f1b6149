import fs from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, heading, isoDay, type SessionApi, sessionApi, signIn, test, unique, watchPageHealth } from './support.js';
import { createOrganization, createPerson, runOffering, type Trainee } from './training.js';

/** Clicks a download link and answers the file's name and text. */
async function download(page: Page, link: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const started: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const file = await started;
  const bytes = await fs.readFile(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** The result's live region once it says `verdict` ("Genuine", "Not genuine"). */
function result(page: Page, verdict: string) {
  return page.getByRole('status').filter({ has: page.getByRole('heading', { name: verdict, exact: true }) });
}

/** The check named in the result's list, such as "Signature: Failed". */
function check(page: Page, name: string) {
  return page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: `${name}:` });
}

/** A program office with its master instructor, an agency, and an instructor course granting a credential. */
async function setUpTraining(api: SessionApi, mark: string) {
  const office = await createOrganization(api, { name: `Office of Criminal Justice Assistance ${mark}`, kind: 'program_office', country: 'US' });
  const agencyId = await createOrganization(api, { name: `Maryland Department of Corrections ${mark}`, kind: 'state_corrections', country: 'US' });
  const master = await createPerson(api, office, 'Morgan', `Master ${mark}`, 'Master instructor');
  const credential = `Certified Corrections Instructor ${mark}`;
  const granted = await api.post('/credentials', {
    name: credential,
    criteria: 'Attend at least 90% of the instructor course and score at least 70 on its final assessment.',
    track: 'corrections',
    validityMonths: 24,
    passMark: 70,
    minAttendancePercent: 90,
  });
  const course = await api.post('/courses', {
    code: `TOT-V-${mark.toUpperCase()}`,
    title: 'Corrections instructor development',
    track: 'corrections',
    level: 'instructor',
    language: 'en',
    hours: 40,
    grantsCredentialId: granted.id,
  });
  return { agencyId, masterId: master.id, credential, courseId: course.id };
}

test('anyone verifies a certificate from its QR code and its files, and sees its revocation', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const mark = unique('').trim();
  const reason = 'Misconduct found by the agency’s internal affairs review.';
  let holder: Trainee;
  let issuer = '';
  let certificationId = '';

  await test.step('as staff, close an offering of the recent past that certifies one participant', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const api = await sessionApi(page);
    const training = await setUpTraining(api, mark);
    holder = await createPerson(api, training.agencyId, 'Rosa', `Méndez ${mark}`, 'Sergeant');
    const report = await runOffering(api, { courseId: training.courseId, startOn: isoDay(-10), endOn: isoDay(-6), country: 'US', leadId: training.masterId, participantId: holder.id });
    certificationId = report.certified.find((row) => row.personId === holder.id)?.certificationId ?? '';
    expect(certificationId).not.toBe('');
    // The suite shares one database: credentials are issued by the first program office on record.
    const offices = await page.request.get('/api/organizations', { params: { kind: 'program_office', sort: 'createdAt', order: 'asc', limit: 1 } });
    issuer = ((await offices.json()) as { items: { name: string }[] }).items[0]?.name ?? '';
    expect(issuer).not.toBe('');
  });

  // Someone who scans the printed QR code: a browser that has never signed in.
  const visitorContext = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  const visitor = await visitorContext.newPage();
  const problems = watchPageHealth(visitor);
  let json: Awaited<ReturnType<typeof download>> = { name: '', text: '', bytes: Buffer.alloc(0) };
  let jwt: Awaited<ReturnType<typeof download>> = { name: '', text: '', bytes: Buffer.alloc(0) };
  let pdf: Awaited<ReturnType<typeof download>> = { name: '', text: '', bytes: Buffer.alloc(0) };

  await test.step('without signing in, open the certificate’s page and download its files', async () => {
    await visitor.goto(`/verify/${certificationId}`);
    await expect(heading(visitor, `Certificate of ${holder.name}`)).toBeVisible();
    await expect(visitor.getByRole('heading', { level: 2, name: 'Genuine', exact: true })).toBeVisible();
    await expect(visitor.locator('.verdict')).toContainText(new RegExp(`certified ${holder.name} as .* on \\w+ \\d{1,2}, \\d{4}; it is valid until \\w+ \\d{1,2}, \\d{4}\\.`));
    const details = visitor.getByRole('region', { name: 'What it certifies' });
    await expect(details).toContainText(holder.name);
    await expect(details.locator('.detail-list__row').filter({ hasText: 'Issued by' })).toContainText(issuer);
    await expect(visitor.getByRole('region', { name: 'Who vouches for it' }).getByRole('listitem').last()).toContainText(holder.name);
    await expect(visitor.getByRole('region', { name: 'How to verify this yourself' })).toContainText('cadre verify credential.json');
    // The public header: nothing that needs a session, and the way to sign in.
    await expect(visitor.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(visitor.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(visitor, 'a certificate’s public page');

    json = await download(visitor, 'Signed credential (JSON)');
    jwt = await download(visitor, 'Signed credential (VC-JWT)');
    pdf = await download(visitor, 'Printable certificate (PDF, English)');
    expect(pdf.name).toBe(`certificate-${certificationId}.pdf`);
    expect(json.name).toBe(`credential-${certificationId}.json`);
  });

  await test.step('upload a copy with one letter of the holder’s name changed: the signature fails', async () => {
    const tampered = JSON.parse(json.text) as { credentialSubject: { identifier: { identityType: string; identityHash: string }[] } };
    const name = tampered.credentialSubject.identifier.find((identifier) => identifier.identityType === 'name');
    if (!name) throw new Error('The credential names its holder.');
    expect(name.identityHash).toBe(holder.name);
    name.identityHash = `P${name.identityHash.slice(1)}`;

    await visitor.getByRole('navigation', { name: 'Verification' }).getByRole('link', { name: 'Check a credential file' }).click();
    await expect(heading(visitor, 'Verify a credential')).toBeFocused();
    await expectAccessible(visitor, 'the verification page');
    await visitor.getByLabel('Credential file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered, null, 2)) });
    await expect(result(visitor, 'Not genuine')).toContainText('Checked: the file tampered.json.');
    await expect(result(visitor, 'Not genuine')).toContainText('its signature does not verify, so do not rely on it.');
    await expect(check(visitor, 'Signature')).toContainText('Signature: Failed');
    await expect(check(visitor, 'Signature')).toContainText('The signature does not verify');
    await expect(visitor.getByRole('heading', { name: 'What the file claims' })).toBeVisible();
    await expectAccessible(visitor, 'a tampered credential, rejected');

    // A file that cannot be a credential is refused before anything is sent.
    await visitor.getByLabel('Credential file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not a credential') });
    await expect(visitor.getByLabel('Credential file')).toHaveAccessibleDescription(/photo\.png is not a credential file/);
  });

  await test.step('upload the file as downloaded, then paste the VC-JWT: both verify', async () => {
    await visitor.getByLabel('Credential file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await expect(result(visitor, 'Genuine')).toContainText(`Checked: the file ${json.name}.`);
    for (const passed of ['Signature', 'Validity dates', 'Revocation']) await expect(check(visitor, passed)).toContainText(`${passed}: Passed`);
    await expect(visitor.getByRole('heading', { name: 'What it certifies' })).toBeVisible();
    await expectAccessible(visitor, 'a credential file, verified');

    await visitor.getByRole('textbox', { name: 'Credential', exact: true }).fill(jwt.text);
    await visitor.getByRole('button', { name: 'Verify' }).click();
    await expect(result(visitor, 'Genuine')).toContainText('Checked: the pasted text. Format: VC-JWT.');
    await expect(check(visitor, 'Signature')).toContainText('VC-JWT signature (RS256) is valid');
    await expectAccessible(visitor, 'a pasted VC-JWT, verified');
  });

  await test.step('upload the printable certificate PDF: the credential inside it is genuine', async () => {
    await visitor.getByLabel('Credential file').setInputFiles({ name: pdf.name, mimeType: 'application/pdf', buffer: pdf.bytes });
    await expect(result(visitor, 'Genuine')).toContainText(`Checked: the file ${pdf.name}.`);
    await expect(result(visitor, 'Genuine')).toContainText(new RegExp(`certified ${holder.name} as `));
    await expect(check(visitor, 'Signature')).toContainText('Signature: Passed');
    await expectAccessible(visitor, 'a certificate PDF, verified');
  });

  await test.step('as staff, find the way to share it on the certification, and revoke it', async () => {
    await page.goto(`/certifications/${certificationId}`);
    const share = page.getByRole('region', { name: 'Verify and share' });
    await expect(share.getByRole('link', { name: 'Verify / share' })).toHaveAttribute('href', `/verify/${certificationId}`);
    await expect(share.getByRole('link', { name: 'Signed credential (JSON)' })).toBeVisible();
    await expectAccessible(page, 'a certification with its share section');
    await page.getByRole('button', { name: 'Revoke certification' }).click();
    await page.getByLabel('Reason for revoking').fill(reason);
    await page.getByRole('button', { name: 'Revoke certification' }).click();
    await expect(page.getByText('The certification was revoked.')).toBeVisible();
  });

  await test.step('the certificate’s page, opened again, says it is revoked and when, never why', async () => {
    await visitor.goto(`/verify/${certificationId}`);
    await expect(heading(visitor, `Certificate of ${holder.name}`)).toBeVisible();
    const verdict = visitor.locator('.verdict');
    await expect(verdict.getByRole('heading', { name: 'Revoked', exact: true })).toBeVisible();
    await expect(verdict).toContainText(/Revoked on \w{3} \d{1,2}, \d{4}\./);
    await expect(verdict).not.toContainText(reason);
    await expectAccessible(visitor, 'a revoked certificate’s public page');
  });

  expect(problems, 'page errors and refused web app files for the visitor').toEqual([]);
  await visitorContext.close();
});

test('a partner endorsed by the program office certifies under it; withdrawing the endorsement flags its certificates', async ({ page }) => {
  test.setTimeout(120_000);
  const mark = unique('').trim();
  const partner = `Dirección General de Centros Penales ${mark}`;
  const reason = 'The partnership ended in 2026.';
  let api: SessionApi;
  let training: Awaited<ReturnType<typeof setUpTraining>>;
  let partnerId = '';

  await test.step('endorse a Salvadoran partner to issue the credential', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    api = await sessionApi(page);
    training = await setUpTraining(api, mark);
    partnerId = await createOrganization(api, { name: partner, kind: 'foreign_corrections', country: 'SV' });

    await page.goto('/endorsements');
    await expect(heading(page, 'Endorsements')).toBeVisible();
    await expectAccessible(page, 'endorsements');
    await page.getByRole('main').getByRole('link', { name: 'Endorse a partner' }).click();
    await expect(heading(page, 'Endorse a partner')).toBeFocused();
    await page.getByRole('button', { name: 'Endorse', exact: true }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectAccessible(page, 'endorse form with errors');
    await page.getByRole('combobox', { name: 'Partner' }).selectOption({ label: `${partner} (El Salvador)` });
    await page.getByRole('combobox', { name: 'Credential' }).selectOption({ label: training.credential });
    await page.getByRole('textbox', { name: 'Statement' }).fill('Its instructors were trained and observed by the program office.');
    await page.getByRole('button', { name: 'Endorse', exact: true }).click();
    await expect(heading(page, 'Endorsements')).toBeVisible();
    await expect(page.getByText(`${partner} is endorsed to issue “${training.credential}”.`)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: partner })).toContainText('In force');
  });

  let certificationId = '';
  await test.step('the partner certifies a participant: the certificate shows who vouches for whom', async () => {
    const holder = await createPerson(api, training.agencyId, 'Luis', `Ortega ${mark}`, 'Lieutenant');
    const report = await runOffering(api, {
      courseId: training.courseId,
      startOn: isoDay(-10),
      endOn: isoDay(-6),
      country: 'SV',
      leadId: training.masterId,
      participantId: holder.id,
      deliveringOrganizationId: partnerId,
    });
    certificationId = report.certified[0]?.certificationId ?? '';
    await page.goto(`/verify/${certificationId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Genuine', exact: true })).toBeVisible();
    const steps = page.getByRole('region', { name: 'Who vouches for it' }).getByRole('listitem');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText(`Endorsed ${partner} to certify`);
    await expect(steps.nth(1)).toContainText(`${partner}Issued this certificate`);
    await expect(steps.nth(2)).toContainText(holder.name);
    // Someone signed in is offered the way back rather than "Sign in".
    await expect(page.getByRole('link', { name: 'Back to Cadre' })).toBeVisible();
    await expectAccessible(page, 'a certificate issued under an endorsement');
  });

  await test.step('withdraw the endorsement: the certificate it covered is flagged for review', async () => {
    await page.getByRole('link', { name: 'Back to Cadre' }).click();
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await page.goto('/endorsements');
    await page.getByRole('button', { name: `Withdraw the endorsement of ${partner} for ${training.credential}` }).click();
    await expect(page.getByRole('heading', { name: `Withdraw the endorsement of ${partner} to issue “${training.credential}”` })).toBeFocused();
    await page.getByRole('textbox', { name: 'Reason for withdrawing' }).fill(reason);
    await expectAccessible(page, 'withdraw form');
    await page.getByRole('button', { name: 'Withdraw endorsement', exact: true }).click();
    await expect(page.getByText(`The endorsement of ${partner} was withdrawn: 1 credential issued under it was flagged for review.`)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: partner });
    await expect(row).toContainText('Withdrawn');
    await expect(row).toContainText(reason);
    await expectAccessible(page, 'a withdrawn endorsement');

    await page.goto(`/verify/${certificationId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Genuine', exact: true })).toBeVisible();
    await expect(page.locator('.verdict')).toContainText(`Under review by the issuer: the issuer’s endorsement was withdrawn. Ask ${partner} before relying on it.`);
    await expect(page.locator('.verdict')).not.toContainText(reason);
    await expectAccessible(page, 'a certificate under review');
  });
});
