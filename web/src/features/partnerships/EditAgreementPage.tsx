import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AgreementForm } from './AgreementForm';
import { useAgreement } from './api';

/** Correcting an agreement on record: every field, its dates held to the API's order. */
export function EditAgreementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agreementId = '' } = useParams();
  const query = useAgreement(agreementId);
  const agreement = query.data;
  const back = agreement ? `/partnerships/${agreement.partnershipId}` : '/partnerships';
  return (
    <>
      <PageHeader
        title={agreement ? t('agreements.editTitle', { reference: agreement.reference }) : t('agreements.editTitleLoading')}
        lead={agreement?.organizationName}
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {agreement && (
        <AgreementForm
          key={agreement.id}
          agreement={agreement}
          onDone={(saved) => void navigate(back, saved ? { state: { notice: t('agreements.saved', { reference: saved.reference }) } } : undefined)}
        />
      )}
    </>
  );
}
