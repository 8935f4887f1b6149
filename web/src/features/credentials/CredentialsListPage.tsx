import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Credential } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCredentials } from './api';
import { CredentialRules } from './CredentialRules';

/** What the program certifies, and what earns each credential. */
export function CredentialsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useCredentials();
  const columns: Column<Credential>[] = [
    { key: 'name', header: t('credentials.fields.name'), cell: (credential) => <Link to={`/credentials/${credential.id}`}>{credential.name}</Link> },
    { key: 'track', header: t('credentials.fields.track'), cell: (credential) => t(`tracks.${credential.track}`) },
    { key: 'rules', header: t('credentials.fields.rules'), cell: (credential) => <CredentialRules credential={credential} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('credentials.listTitle')}
        lead={t('credentials.listLead')}
        actions={
          can('credentials', 'create') && (
            <Link to="/credentials/new" className="usa-button">
              {t('nav.newCredential')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && (
        <DataTable caption={t('credentials.listTitle')} isCaptionHidden columns={columns} rows={query.data} rowKey={(credential) => credential.id} empty={t('credentials.empty')} />
      )}
    </>
  );
}
