import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InstructorCascade } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { countryName, formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useInstructorCascade } from './api';
import { CascadeTree } from './CascadeTree';

/** The API draws this many people of the tree unless asked for more; the counts cover everyone. */
const FIRST_NODES = 500;
const MORE_NODES = 5000;

type DepthRow = InstructorCascade['byDepth'][number];
type CountryRow = InstructorCascade['byCountry'][number];

function Reach({ cascade }: { cascade: InstructorCascade }) {
  const { t } = useTranslation();
  const depthColumns: Column<DepthRow>[] = [
    { key: 'depth', header: t('cascade.fields.depth'), cell: (row) => (row.depth === 1 ? t('cascade.directly') : t('cascade.depthN', { depth: row.depth })) },
    { key: 'people', header: t('cascade.fields.people'), cell: (row) => formatCount(row.people) },
  ];
  const countryColumns: Column<CountryRow>[] = [
    { key: 'country', header: t('cascade.fields.country'), cell: (row) => (row.country ? countryName(row.country) : t('common.notRecorded')) },
    { key: 'people', header: t('cascade.fields.people'), cell: (row) => formatCount(row.people) },
  ];
  return (
    <section aria-labelledby="reach-heading">
      <h2 id="reach-heading" className="margin-top-0">
        {t('cascade.reachHeading')}
      </h2>
      <dl className="figures">
        <div className="figures__item">
          <dt>{t('cascade.reach')}</dt>
          <dd>{formatCount(cascade.reach)}</dd>
        </div>
      </dl>
      <p className="usa-hint">{t('cascade.reachHint', { name: cascade.instructor.name })}</p>
      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 tablet:grid-col-6">
          <h3>{t('cascade.byDepthHeading')}</h3>
          <DataTable caption={t('cascade.byDepthHeading')} isCaptionHidden columns={depthColumns} rows={cascade.byDepth} rowKey={(row) => String(row.depth)} empty={t('cascade.noReach')} />
        </div>
        <div className="grid-col-12 tablet:grid-col-6">
          <h3>{t('cascade.byCountryShort')}</h3>
          <DataTable caption={t('cascade.byCountryShort')} isCaptionHidden columns={countryColumns} rows={cascade.byCountry} rowKey={(row) => row.country} empty={t('cascade.noReach')} />
        </div>
      </div>
    </section>
  );
}

/** One instructor's cascade: how many people their training reached, where, and through whom. */
export function InstructorCascadePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [maxNodes, setMaxNodes] = useState(FIRST_NODES);
  const query = useInstructorCascade(id, maxNodes);
  const cascade = query.data;
  return (
    <>
      <PageHeader
        title={cascade ? t('cascade.instructorTitle', { name: cascade.instructor.name }) : t('cascade.instructorTitleLoading')}
        lead={cascade?.instructor.organizationName}
        actions={
          <Link to={`/people/${id}`} className="usa-button usa-button--outline">
            {t('cascade.viewPerson')}
          </Link>
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {cascade && (
        <>
          <Reach cascade={cascade} />
          <section aria-labelledby="tree-heading" className="margin-top-5">
            <h2 id="tree-heading">{t('cascade.treeHeading')}</h2>
            <p className="usa-hint margin-top-0">{t('cascade.treeHint')}</p>
            {cascade.isTruncated && (
              <Alert type="info" isSlim className="margin-bottom-2">
                {t('cascade.truncated', { shown: formatCount(cascade.nodes.length), reach: formatCount(cascade.reach) })}{' '}
                {maxNodes < MORE_NODES && (
                  <button type="button" className="usa-button usa-button--unstyled" disabled={query.isFetching} onClick={() => setMaxNodes(MORE_NODES)}>
                    {t('cascade.showMore', { count: MORE_NODES, formatted: formatCount(MORE_NODES) })}
                  </button>
                )}
              </Alert>
            )}
            {cascade.nodes.length === 0 ? (
              <p className="text-base-dark">{t('cascade.noReachYet', { name: cascade.instructor.name })}</p>
            ) : (
              <CascadeTree instructorId={cascade.instructor.id} nodes={cascade.nodes} />
            )}
          </section>
        </>
      )}
    </>
  );
}
