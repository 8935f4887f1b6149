import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { SingleColumn } from './Main';

export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} />
      <p>{t('errors.notFound')}</p>
      <Link to="/">{t('errors.goHome')}</Link>
    </>
  );
}

export function NotFound() {
  return (
    <SingleColumn>
      <NotFoundContent />
    </SingleColumn>
  );
}
