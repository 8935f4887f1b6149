import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Endorsement } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useEndorsements } from './api';
import { WithdrawForm } from './WithdrawForm';

function Standing({ endorsement }: { endorsement: Endorsement }) {
  const { t } = useTranslation();
  if (!endorsement.withdrawnAt) return <span className="usa-tag status-tag bg-success-darker">{t('endorsements.inForce')}</span>;
  return (
    <>
      <span className="usa-tag status-tag bg-base-dark">{t('endorsements.withdrawn')}</span>
      <span className="display-block margin-top-05">{formatInstant(endorsement.withdrawnAt)}</span>
      {endorsement.withdrawnReason && <span className="display-block pre-line">{endorsement.withdrawnReason}</span>}
    </>
  );
}

/** The list, with a Withdraw button per endorsement in force that opens its form under the table. */
function EndorsementList({ endorsements }: { endorsements: Endorsement[] }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<Endorsement | null>(null);
  const open = (endorsement: Endorsement) => {
    flushSync(() => {
      setWithdrawn(null);
      setOpenId(endorsement.id);
    });
    document.getElementById('withdraw-heading')?.focus();
  };
  const done = (endorsement: Endorsement, result: Endorsement | null) => {
    flushSync(() => {
      setOpenId(null);
      setWithdrawn(result);
    });
    // A withdrawn endorsement has no button left, so focus goes to the news; otherwise back to its button.
    document.getElementById(result ? 'endorsements-heading' : `endorsement-${endorsement.id}`)?.focus();
  };
  const columns: Column<Endorsement>[] = [
    { key: 'organization', header: t('endorsements.fields.organization'), cell: (e) => e.endorsee.name },
    { key: 'credential', header: t('endorsements.fields.credential'), cell: (e) => <Link to={`/credentials/${e.credential.id}`}>{e.credential.name}</Link> },
    { key: 'statement', header: t('endorsements.fields.statement'), cell: (e) => <span className="pre-line">{e.statement}</span> },
    { key: 'issued', header: t('endorsements.fields.issuedAt'), cell: (e) => formatInstant(e.issuedAt) },
    { key: 'standing', header: t('endorsements.fields.standing'), cell: (e) => <Standing endorsement={e} /> },
  ];
  if (endorsements.some((e) => e.allowedActions.includes('withdraw'))) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (e) =>
        e.allowedActions.includes('withdraw') && (
          <button
            id={`endorsement-${e.id}`}
            type="button"
            className="usa-button usa-button--outline usa-button--small"
            aria-label={t('endorsements.withdrawFor', { organization: e.endorsee.name, credential: e.credential.name })}
            onClick={() => open(e)}
          >
            {t('endorsements.withdraw')}
          </button>
        ),
    });
  }
  const openEndorsement = endorsements.find((e) => e.id === openId);
  return (
    <section aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading" tabIndex={-1}>
        {t('endorsements.listHeading', { count: endorsements.length })}
      </h2>
      {withdrawn && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('endorsements.withdrawnNotice', {
            organization: withdrawn.endorsee.name,
            count: withdrawn.flaggedCredentials ?? 0,
            formatted: formatCount(withdrawn.flaggedCredentials ?? 0),
          })}
        </Alert>
      )}
      <DataTable caption={t('endorsements.caption')} isCaptionHidden columns={columns} rows={endorsements} rowKey={(e) => e.id} empty={t('endorsements.empty')} />
      {openEndorsement && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 id="withdraw-heading" tabIndex={-1} className="margin-top-0">
            {t('endorsements.withdrawHeading', { organization: openEndorsement.endorsee.name, credential: openEndorsement.credential.name })}
          </h3>
          <p>{t('endorsements.withdrawLead', { organization: openEndorsement.endorsee.name })}</p>
          <WithdrawForm key={openEndorsement.id} endorsement={openEndorsement} onDone={(result) => done(openEndorsement, result)} />
        </div>
      )}
    </section>
  );
}

function Endorsements({ canEndorse }: { canEndorse: boolean }) {
  const { t } = useTranslation();
  const query = useEndorsements();
  return (
    <>
      <PageHeader
        title={t('endorsements.title')}
        lead={t('endorsements.lead')}
        actions={
          canEndorse && (
            <Link to="/endorsements/new" className="usa-button">
              {t('nav.newEndorsement')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && <EndorsementList endorsements={query.data} />}
    </>
  );
}

/** Partners abroad the program office has endorsed to certify under its standard. */
export function EndorsementsPage() {
  const can = useCan();
  if (!can('endorsements', 'read')) return <Forbidden />;
  return <Endorsements canEndorse={can('endorsements', 'create')} />;
}
