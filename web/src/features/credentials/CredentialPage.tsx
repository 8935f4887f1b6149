import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DetailList } from '../../components/DetailList';
import { formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCredential } from './api';
import { CredentialRules } from './CredentialRules';

export function CredentialPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCredential(id);
  const credential = query.data;
  return (
    <>
      <PageHeader
        title={credential?.name ?? t('credentials.oneTitle')}
        lead={credential && t(`tracks.${credential.track}`)}
        actions={
          <>
            {credential?.allowedActions.includes('update') && (
              <Link to={`/credentials/${credential.id}/edit`} className="usa-button">
                {t('common.edit')}
              </Link>
            )}
            {credential && (
              <Link to={`/certifications?credentialId=${credential.id}`} className="usa-button usa-button--outline">
                {t('credentials.viewHolders')}
              </Link>
            )}
          </>
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {credential && (
        <DetailList
          items={[
            { label: t('credentials.fields.description'), value: credential.description && <span className="pre-line">{credential.description}</span> },
            { label: t('credentials.fields.criteria'), value: <span className="pre-line">{credential.criteria}</span> },
            { label: t('credentials.fields.rules'), value: <CredentialRules credential={credential} /> },
            { label: t('common.updated'), value: formatInstant(credential.updatedAt) },
          ]}
        />
      )}
    </>
  );
}
