import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIssuers } from './api';
import { IssuerCard } from './IssuerCard';

/** What each issuer's certificates print: its mark and who signs for it. */
export function IssuersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useIssuers();
  if (!can('issuers', 'read')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('issuerSettings.title')} lead={t('issuerSettings.lead')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data?.length === 0 && <p>{t('issuerSettings.empty')}</p>}
      {query.data?.map((issuer) => <IssuerCard key={issuer.organizationId} issuer={issuer} />)}
    </>
  );
}
