import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { fakeApi } from '../test/fake-api';
import { meAs } from '../test/me';
import { renderPage } from '../test/render';
import { useAccountLanguage } from './account';
import { LanguageSwitch } from './LanguageSwitch';
import { LOCALE_COOKIE } from './languages';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  document.cookie = `${LOCALE_COOKIE}=; path=/; max-age=0`;
  await i18n.changeLanguage('en');
});

function AccountLanguage() {
  useAccountLanguage();
  return null;
}

describe('LanguageSwitch', () => {
  it('names the current language, and lists every language in its own words and its own lang', () => {
    renderPage(<LanguageSwitch />);
    const toggle = screen.getByRole('button', { name: 'Language: English' });
    expect(toggle).toHaveProperty('ariaExpanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveProperty('ariaExpanded', 'true');
    const options = ['English', 'Español', 'Français', 'Português', 'Kreyòl ayisyen'].map((name) => screen.getByRole('button', { name }));
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['en', 'es', 'fr', 'pt', 'ht']);
    expect(options[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('closes on Escape and gives focus back to its button', () => {
    renderPage(<LanguageSwitch />);
    const toggle = screen.getByRole('button', { name: 'Language: English' });
    fireEvent.click(toggle);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Français' }), { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Français' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it("changes a visitor's page and <html lang>, and remembers the choice in the cookie", async () => {
    const calls = fakeApi({});
    renderPage(<LanguageSwitch />);
    fireEvent.click(screen.getByRole('button', { name: 'Language: English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kreyòl ayisyen' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('ht'));
    expect(i18n.language).toBe('ht');
    expect(document.cookie).toContain(`${LOCALE_COOKIE}=ht`);
    // A visitor has no account to save it to.
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it("saves a signed-in user's choice to their account, in the language's own words from then on", async () => {
    const me = meAs('program_officer');
    const calls = fakeApi({ 'PATCH /api/auth/me': (body) => ({ body: { ...me, user: { ...me.user, ...(body as object) } } }) });
    renderPage(<LanguageSwitch />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Language: English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ locale: 'es' }));
    expect(calls[0]?.headers.get('accept-language')).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(screen.getByRole('button', { name: `${i18n.t('language.label')}: Español` })).toBeDefined();
  });
});

describe('useAccountLanguage', () => {
  it("applies the signed-in account's language over the cookie's, and remembers it", async () => {
    document.cookie = `${LOCALE_COOKIE}=pt; path=/`;
    renderPage(<AccountLanguage />, { me: meAs('coordinator', { user: { locale: 'fr' } }) });
    await waitFor(() => expect(i18n.language).toBe('fr'));
    expect(document.cookie).toContain(`${LOCALE_COOKIE}=fr`);
  });

  it('leaves the language alone when the account follows the browser', async () => {
    renderPage(<AccountLanguage />, { me: meAs('coordinator', { user: { locale: null } }) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.language).toBe('en');
  });
});
