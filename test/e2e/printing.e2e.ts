import { pdfPages } from '../support/documents.js';
import { ADMIN, DEMO_SERVER_URL, expect, heading, signIn, test } from './support.js';

/**
 * A program officer prints the 2010 dashboard for a meeting, and a partner's page for its file:
 * on paper they read as documents, without menus or controls, saying what they show and when.
 */
test.use({ baseURL: DEMO_SERVER_URL });

test.describe('printing', () => {
  test('prints the dashboard without its controls, stating its filters and the date of printing', async ({ page }, testInfo) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    await page.goto('/?year=2010&country=SV');
    await expect(page.getByText('Only El Salvador.')).toBeVisible();
    const printHeader = page.getByTestId('print-header');
    // On screen the print header is not there; the controls are.
    await expect(printHeader).toBeHidden();
    await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(printHeader).toBeVisible();
    await expect(printHeader).toContainText('Dashboard');
    await expect(printHeader).toContainText('Filters: 2010 · El Salvador');
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    await expect(printHeader).toContainText(`Printed on ${today}`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('search', { name: 'Choose the figures' })).toBeHidden();
    await expect(page.locator('.site-search')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Apply' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Reports' }).filter({ hasText: /report/i }).first()).toBeHidden();
    // The figures themselves print.
    await expect(page.getByRole('link', { name: 'People trained: 106' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'People trained: 106' })).toHaveCSS('text-decoration-line', 'none');

    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    await testInfo.attach('dashboard.pdf', { body: pdf, contentType: 'application/pdf' });
    const pages = await pdfPages(pdf);
    expect(pages[0]).toMatch(/Printed on/);
    expect(pages[0]).toMatch(/Filters: 2010 · El Salvador/);
    expect(pages.join(' ')).not.toMatch(/Skip to main content|Apply/);
  });

  test('prints a partner’s page as a record, with its name and without its buttons', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(heading(page, 'Dashboard')).toBeVisible();
    const found = (await (await page.request.get('/api/organizations?q=New%20York%20Police%20Department')).json()) as { items: { id: string; name: string }[] };
    const nypd = found.items[0] as { id: string; name: string };
    await page.goto(`/organizations/${nypd.id}`);
    await expect(heading(page, nypd.name)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' }).or(page.getByRole('button', { name: 'Edit' })).first()).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-header')).toContainText(nypd.name);
    await expect(page.getByTestId('print-header')).not.toContainText('Filters');
    await expect(page.getByRole('link', { name: 'Edit' }).or(page.getByRole('button', { name: 'Edit' })).first()).toBeHidden();
    await expect(heading(page, nypd.name)).toBeVisible();
  });
});
