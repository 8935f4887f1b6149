import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProgramCascade } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { countryName, formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProgramCascade } from './api';
import { GenerationsTable } from './GenerationsTable';
import { GenerationBars } from './GenerationBars';
import { PivotTable } from './PivotTable';

function Summary({ cascade }: { cascade: ProgramCascade }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'total', label: t('cascade.totalTrained'), value: formatCount(cascade.totalTrained) },
    { key: 'first', label: t('cascade.trainedByGenerationZero'), value: formatCount(cascade.trainedByGenerationZero) },
    { key: 'multiplier', label: t('cascade.multiplier'), value: cascade.multiplier === null ? t('cascade.noMultiplier') : t('cascade.times', { value: cascade.multiplier }) },
    { key: 'masters', label: t('cascade.generationZero'), value: formatCount(cascade.generationZero) },
  ];
  return (
    <>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} className="figures__item">
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="usa-hint">{t('cascade.multiplierHint')}</p>
    </>
  );
}

function Generations({ cascade }: { cascade: ProgramCascade }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="generations-heading" className="margin-top-4">
      <h2 id="generations-heading">{t('cascade.generationsHeading')}</h2>
      <GenerationBars generations={cascade.generations} />
      <GenerationsTable generations={cascade.generations} caption={t('cascade.generationsCaption')} />
    </section>
  );
}

/**
 * How far the program's training travelled: people trained per generation, country and year,
 * the instructors each generation produced, and the multiplier. Derived by the API each time.
 */
export function ProgramCascadePage() {
  const can = useCan();
  // The program's figures are for the program office and its viewers, as the API's policy says.
  if (!can('cascade', 'readProgram')) return <Forbidden />;
  return <ProgramFigures />;
}

function ProgramFigures() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : null;
  const filters = { track: params.get('track') ?? undefined, country: params.get('country') ?? undefined, organizationId: params.get('organizationId') ?? undefined };
  const all = useProgramCascade(null);
  const query = useProgramCascade(year, filters);
  const cascade = query.data;
  const years = [...new Set((all.data?.byYear ?? []).map((row) => row.year))].sort((a, b) => b - a);
  const generations = (cascade?.generations ?? []).map((row) => row.generation).filter((generation) => generation > 0);
  const countries = [...new Set((cascade?.byCountry ?? []).map((row) => row.country))]
    .map((code) => ({ key: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const yearRows = [...new Set((cascade?.byYear ?? []).map((row) => row.year))].sort().map((value) => ({ key: String(value), label: String(value) }));
  const scope = year === null ? t('cascade.allYearsScope') : String(year);

  return (
    <>
      <PageHeader
        title={t('cascade.programTitle')}
        lead={t('cascade.programLead')}
        actions={<ExportLinks path="/cascade" params={{ year, ...filters }} />}
      />
      <ListScope total={undefined} noun={() => ''} />
      <FilterBar names={['year']} label={t('cascade.yearLabel')}>
        <FilterSelect
          key={years.length}
          name="year"
          label={t('cascade.fields.year')}
          options={years.map((value) => ({ value: String(value), label: String(value) }))}
          allLabel={t('cascade.allYears')}
        />
      </FilterBar>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {cascade && (
        <div aria-busy={query.isFetching}>
          <h2 className="usa-sr-only">{t('cascade.summaryHeading', { scope })}</h2>
          <Summary cascade={cascade} />
          {cascade.totalTrained === 0 ? (
            <p className="text-base-dark">{t('cascade.empty')}</p>
          ) : (
            <>
              <Generations cascade={cascade} />
              <section aria-labelledby="by-country-heading" className="margin-top-4">
                <h2 id="by-country-heading">{t('cascade.byCountryHeading')}</h2>
                <PivotTable
                  caption={t('cascade.byCountryCaption', { scope })}
                  rowHeader={t('cascade.fields.country')}
                  rows={countries}
                  generations={generations}
                  cells={cascade.byCountry.map((row) => ({ row: row.country, generation: row.generation, people: row.peopleTrained }))}
                />
              </section>
              <section aria-labelledby="by-year-heading" className="margin-top-4">
                <h2 id="by-year-heading">{t('cascade.byYearHeading')}</h2>
                <PivotTable
                  caption={t('cascade.byYearCaption', { scope })}
                  rowHeader={t('cascade.fields.year')}
                  rows={yearRows}
                  generations={generations}
                  cells={cascade.byYear.map((row) => ({ row: String(row.year), generation: row.generation, people: row.peopleTrained }))}
                />
              </section>
            </>
          )}
        </div>
      )}
    </>
  );
}
