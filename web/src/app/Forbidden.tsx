import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** What a role sees on a page it may not use (the API would refuse it anyway). */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <p>{t('errors.forbidden')}</p>
      <Link to="/">{t('errors.goHome')}</Link>
    </>
  );
}
