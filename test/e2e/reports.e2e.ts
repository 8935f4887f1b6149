import fs from 'node:fs';
import { pdfPages } from '../support/documents.js';
import { ADMIN, DEMO_SERVER_URL, expect, expectAccessible, heading, mainNav, signIn, test } from './support.js';

/**
 * A reports officer on the 2010 demo program: reads the year on the dashboard, narrows it to one
 * country, follows a figure to the records behind it, and takes the year report away as a PDF.
 */
test.use({ baseURL: DEMO_SERVER_URL });

test.describe('program reporting', () => {
  test('reads the 2010 program on the dashboard, filters it by country and follows a figure to its records', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();

    const filters = page.getByRole('search', { name: 'Choose the figures' });
    await filters.getByLabel('Year').selectOption('2010');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/year=2010/);
    await expect(page.getByRole('heading', { name: '2010 in figures' })).toBeVisible();
    // The 2010 note's facts, from the records: six officers for 90 days, over 200 U.S.
    // instructors, training delivered in El Salvador and Brazil.
    await expect(page.getByRole('link', { name: 'People trained: 422' })).toBeVisible();
    await expect(page.getByText('540 person-days in 2010')).toBeVisible();
    await expect(page.getByRole('table', { name: /People trained in 2010 by country and sex/ }).getByRole('row', { name: /United States/ })).toContainText('210');
    // The map marks the three countries assisted abroad.
    await expect(page.getByRole('group', { name: /countries assisted/i }).getByRole('img')).toHaveCount(3);
    await expectAccessible(page, 'the dashboard');

    await filters.getByLabel('Country').selectOption({ label: 'El Salvador' });
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/country=SV/);
    await expect(page.getByText('Only El Salvador.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'People trained: 106' })).toBeVisible();

    // The figure opens the people it counts: those who completed 2010 training in El Salvador.
    await page.getByRole('link', { name: 'People trained: 106' }).click();
    await expect(heading(page, 'People')).toBeVisible();
    await expect(page).toHaveURL(/trainedCountry=SV/);
    await expect(page.getByText('Opened with: 2010 · El Salvador')).toBeVisible();
    await expect(page.getByText('106 people')).toBeVisible();
    await expectAccessible(page, 'the people a figure counts');

    // Instructor certifications held at the end of 2010 open as many certifications.
    await page.goBack();
    const instructors = page.getByRole('link', { name: /^Instructor certifications: / });
    const count = ((await instructors.getAttribute('aria-label')) ?? '').replace(/\D/g, '');
    await instructors.click();
    await expect(page).toHaveURL(/activeOn=2010-12-31/);
    await expect(page.getByText(`${count} certification`)).toBeVisible();
  });

  test('downloads the 2010 year report as a PDF, and runs one in the background', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await mainNav(page).getByRole('link', { name: 'Reports' }).click();
    await expect(heading(page, 'Reports')).toBeVisible();
    await page.getByLabel('Year', { exact: true }).selectOption('2010');
    await expect(page.getByRole('heading', { name: 'The 2010 report' })).toBeVisible();
    await expectAccessible(page, 'the reports page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/2010.*\.pdf$/);
    const pages = await pdfPages(fs.readFileSync(await download.path()));
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    // Lines wrap where the page ends them: words are matched across any white space.
    expect(text).toMatch(/6\s+officers\s+from\s+New\s+York\s+Police\s+Department\s+deployed\s+to\s+Haiti/);
    expect(text).toMatch(/210\s+U\.S\.\s+instructors/);
    expect(text).toContain('El Salvador');
    expect(text).toContain('Brazil');

    // The same report, run in the background: its progress shows, then the document to download.
    await page.getByLabel('Document').selectOption({ label: 'Year report, Markdown' });
    await page.getByRole('button', { name: 'Run for 2010' }).click();
    await expect(page.getByRole('heading', { name: /is ready/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: /^Download .*2010.*\.md$/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Your recent report runs, newest first' }).getByRole('row', { name: /Markdown/ })).toContainText('Done');
    await expectAccessible(page, 'the reports page after a run');
  });
});
