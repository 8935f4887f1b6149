import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';

/** Ends the session on the server and returns to sign-in. */
export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isBusy, setIsBusy] = useState(false);

  const signOut = async () => {
    setIsBusy(true);
    try {
      await api.post('/auth/logout');
    } catch {
      // The session may already be gone; signing out locally is still right.
    }
    setCsrfToken(null);
    // The sign-in page forgets the user once it is shown: forgetting them while a signed-in
    // page is still on screen would send them to sign-in with a "next" link back to it.
    await navigate('/sign-in', { replace: true, state: { isSignedOut: true } });
  };

  return (
    <button type="button" className="usa-button usa-button--unstyled site-header__sign-out" disabled={isBusy} onClick={() => void signOut()}>
      {t('nav.signOut')}
    </button>
  );
}
