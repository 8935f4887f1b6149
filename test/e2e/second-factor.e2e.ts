import type { Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { ADMIN, expect, expectAccessible, heading, mainNav, SECOND_FACTOR_SERVER_URL, signOut, test } from './support.js';

// One admin, one server: the journeys build on each other (the app, then a passkey beside it).
test.describe.configure({ mode: 'serial' });

let totpSecret = '';
let recoveryCodes: string[] = [];

async function signInWithPassword(page: Page) {
  await page.goto(`${SECOND_FACTOR_SERVER_URL}/sign-in`);
  await expect(heading(page, 'Sign in to Cadre')).toBeVisible();
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The app's code for the next 30-second step: within the window Cadre accepts, and later than any code used before. */
const nextCode = () => new TOTP({ secret: totpSecret }).generate({ timestamp: Date.now() + 30_000 });

test('an admin enrols an authenticator app at first sign-in, then signs in with its code', async ({ page }) => {
  await signInWithPassword(page);
  // Held on the security page until a second factor is enrolled.
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole('heading', { name: 'Your role requires a second factor' })).toBeVisible();
  await page.goto(`${SECOND_FACTOR_SERVER_URL}/organizations`);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(mainNav(page).getByRole('link', { name: 'Organizations' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectAccessible(page, 'account security, nothing enrolled');

  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  totpSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: 'test-results/e2e/screens/account-security-totp.png', fullPage: true });
  await expectAccessible(page, 'authenticator app enrolment');
  await page.getByLabel('Code from the app').fill('000000' === nextCode() ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(page.getByLabel('Code from the app')).toHaveAccessibleDescription(/is not the code the app shows now/);
  await page.getByLabel('Code from the app').fill(new TOTP({ secret: totpSecret }).generate());
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();

  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  recoveryCodes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
  await expect(page.getByText(/Set up on /)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screens/account-security-recovery-codes.png', fullPage: true });
  await page.getByRole('link', { name: 'Continue to Cadre' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await signOut(page);

  await signInWithPassword(page);
  await expect(heading(page, 'Confirm it is you')).toBeVisible();
  await expectAccessible(page, 'second factor');
  await page.screenshot({ path: 'test-results/e2e/screens/sign-in-second-factor.png', fullPage: true });
  await page.getByLabel(/Code from your authenticator app/).fill('123456' === nextCode() ? '654321' : '123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('The code is not right, or was already used.')).toBeVisible();
  await page.getByLabel(/Code from your authenticator app/).fill(nextCode());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
});

test('the admin adds a passkey, and signs in with it', async ({ page }) => {
  // Chromium's virtual authenticator stands in for a security key, touched at once.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // Away from the phone: one of the recovery codes saved at enrolment, good once.
  await signInWithPassword(page);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel(/Recovery code/).fill(recoveryCodes[0] ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();

  await page.goto(`${SECOND_FACTOR_SERVER_URL}/account/security`);
  await page.getByLabel('Name').fill('Blue security key');
  await page.getByRole('button', { name: 'Add passkey' }).click();
  await expect(page.getByRole('rowheader', { name: 'Blue security key' })).toBeVisible();
  // Not the first factor: no new recovery codes.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/screens/account-security-passkey.png', fullPage: true });
  await signOut(page);

  await signInWithPassword(page);
  await expect(heading(page, 'Confirm it is you')).toBeVisible();
  await page.getByRole('button', { name: 'Use your passkey' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await page.goto(`${SECOND_FACTOR_SERVER_URL}/account/security`);
  await expect(page.getByRole('row', { name: /Blue security key/ })).not.toContainText('Not used yet');
  await expect(page.getByText('You have 9 unused recovery codes.', { exact: false })).toBeVisible();
});
