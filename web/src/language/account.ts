import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me } from '../api/schemas';
import { meQueryKey, useMe } from '../api/session';
import { rememberChoice } from '../i18n';
import { isLanguage, type Language, LOCALE_PARAMETER } from './languages';

/** The account's language (`user.locale` on `/api/auth/me`): null follows the browser. */
function accountLocale(me: Me | null | undefined): Language | null {
  const locale = me?.user.locale;
  return isLanguage(locale) ? locale : null;
}

/** Whether the address names a language (`?lang=en-XA`): it wins over the account for that visit. */
function isLanguageInAddress(): boolean {
  return new URLSearchParams(window.location.search).has(LOCALE_PARAMETER);
}

/**
 * Applies the signed-in account's language, which wins over the cookie: on sign-in and whenever
 * `/api/auth/me` says another. The cookie takes it too, so the pages after signing out stay in it.
 */
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const locale = accountLocale(useMe().data);
  useEffect(() => {
    if (!locale || isLanguageInAddress() || i18n.language === locale) return;
    void i18n.changeLanguage(locale).then(() => rememberChoice(locale));
    // Only a change of the account's language applies it; the user's own switch updates both.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);
}

/**
 * Chooses a language: the catalog loads, then the page and `<html lang>` change; the cookie
 * remembers it, and so does the account of a signed-in user (`PATCH /api/auth/me`).
 */
export function useChooseLanguage(): (language: Language) => Promise<void> {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  return async (language) => {
    await i18n.changeLanguage(language);
    rememberChoice(language);
    if (!me || me.authenticatedBy !== 'session') return;
    // The account says the new language at once, so nothing switches back while it is saved.
    queryClient.setQueryData<Me | null>(meQueryKey, (current) => (current ? { ...current, user: { ...current.user, locale: language } } : current));
    try {
      queryClient.setQueryData(meQueryKey, await api.patchOwn<Me>('/auth/me', { locale: language }));
    } catch {
      // The page and the cookie keep the choice; the account is asked again at the next change.
    }
  };
}
