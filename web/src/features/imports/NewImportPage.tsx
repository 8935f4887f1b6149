import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ImportKind } from '../../api/schemas';
import { choosesAgency, useCan, useCurrentUser } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { countryName, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOffering, useOfferingList } from '../offerings/api';
import { useOrganizationOptions } from '../organizations/api';
import { useImportKinds, useImportMappings, useUploadImport } from './api';
import { ChoiceField } from './ChoiceField';
import { importableKinds } from './kinds';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Step one of an import: what the file holds, where it goes, and the file itself. Uploading
 * writes nothing but the file: the next page shows how it reads before anything is checked.
 */
export function NewImportPage() {
  const kinds = importableKinds(useCan());
  if (kinds.length === 0) return <Forbidden />;
  return <UploadForm kinds={kinds} />;
}

function UploadForm({ kinds }: { kinds: ImportKind[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const asked = params.get('kind') as ImportKind | null;
  const [kind, setKind] = useState<ImportKind>(asked && kinds.includes(asked) ? asked : (kinds[0] as ImportKind));
  const [organizationId, setOrganizationId] = useState('');
  const [offeringId, setOfferingId] = useState(params.get('offeringId') ?? '');
  const [mappingId, setMappingId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ file?: string; offering?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const catalog = useImportKinds();
  const mappings = useImportMappings(kind);
  const upload = useUploadImport();
  const isAgencyChosen = kind === 'people' && choosesAgency(user, can);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(file ? {} : { file: t('imports.upload.fileRequired') }),
      ...(kind === 'enrollments' && !offeringId ? { offering: t('imports.upload.offeringRequired') } : {}),
    };
    setErrors(found);
    setAttempt((n) => n + 1);
    if (!file || Object.keys(found).length > 0) {
      // The fields say what is missing now; an earlier refusal would only mislead.
      upload.reset();
      document.getElementById(found.offering ? 'import-offering' : 'import-file')?.focus();
      return;
    }
    const view = await upload
      .mutateAsync({
        file,
        kind,
        organizationId: isAgencyChosen && organizationId ? organizationId : undefined,
        offeringId: kind === 'enrollments' ? offeringId : undefined,
        mappingId: mappingId || undefined,
      })
      .catch(() => null);
    if (view) void navigate(`/imports/${view.id}`);
  }

  return (
    <>
      <PageHeader title={t('imports.upload.title')} lead={t('imports.upload.lead')} />
      {upload.isError && <ProblemAlert error={upload.error} heading={t('imports.upload.refused')} focusKey={attempt} />}
      <form className="usa-form usa-form--large" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('imports.fields.kind')}</legend>
          {kinds.map((candidate) => (
            <div key={candidate} className="usa-radio">
              <input
                className="usa-radio__input"
                id={`import-kind-${candidate}`}
                type="radio"
                name="kind"
                value={candidate}
                checked={kind === candidate}
                onChange={() => {
                  setKind(candidate);
                  setMappingId('');
                }}
              />
              <label className="usa-radio__label" htmlFor={`import-kind-${candidate}`}>
                {catalog.data?.find((entry) => entry.kind === candidate)?.label ?? t(`imports.kinds.${candidate}`)}
                <span className="usa-checkbox__label-description">{t(`imports.kindHints.${candidate}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>

        {isAgencyChosen && <AgencyField value={organizationId} onChange={setOrganizationId} />}
        {kind === 'enrollments' && <OfferingField value={offeringId} onChange={setOfferingId} error={errors.offering} />}

        {mappings.data && mappings.data.length > 0 && (
          <>
            <label className="usa-label" htmlFor="import-mapping">
              {t('imports.fields.savedMapping')}
            </label>
            <span className="usa-hint" id="import-mapping-hint">
              {t('imports.upload.mappingHint')}
            </span>
            <select id="import-mapping" className="usa-select" value={mappingId} aria-describedby="import-mapping-hint" onChange={(event) => setMappingId(event.target.value)}>
              <option value="">{t('imports.upload.matchHeaders')}</option>
              {mappings.data.map((mapping) => (
                <option key={mapping.id} value={mapping.id}>
                  {mapping.name}
                </option>
              ))}
            </select>
          </>
        )}

        <div className={`usa-form-group ${errors.file ? 'usa-form-group--error' : ''}`}>
          <label className={`usa-label ${errors.file ? 'usa-label--error' : ''}`} htmlFor="import-file">
            {t('imports.fields.file')}
          </label>
          <span className="usa-hint" id="import-file-hint">
            {t('imports.upload.fileHint')}
          </span>
          {errors.file && (
            <span className="usa-error-message" id="import-file-error" role="alert">
              {errors.file}
            </span>
          )}
          <input
            id="import-file"
            type="file"
            className={`usa-file-input ${errors.file ? 'usa-input--error' : ''}`}
            accept={ACCEPT}
            aria-describedby={errors.file ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={errors.file ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="usa-button margin-top-3" disabled={upload.isPending}>
          {upload.isPending ? t('imports.upload.sending') : t('imports.upload.submit')}
        </button>
      </form>
    </>
  );
}

function AgencyField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  return (
    <>
      <label className="usa-label" htmlFor="import-organization">
        {t('imports.fields.agency')}
      </label>
      <span className="usa-hint" id="import-organization-hint">
        {t('imports.upload.agencyHint')}
      </span>
      <select id="import-organization" className="usa-select" value={value} aria-describedby="import-organization-hint" onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('imports.upload.agencyFromFile')}</option>
        {(organizations.data ?? []).map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name} ({countryName(organization.country)})
          </option>
        ))}
      </select>
    </>
  );
}

/** The offering an attendance sheet is for: the open ones the user may see. */
function OfferingField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  const offerings = useOfferingList({ status: 'scheduled', limit: 100 });
  // The offering a link named (from its own page) is offered even when it is not among the first listed.
  const named = useOffering(value);
  if (offerings.isPending) return <Loading />;
  const listed = offerings.data?.pages.flatMap((page) => page.items) ?? [];
  const rows = named.data && !listed.some((offering) => offering.id === named.data.id) ? [named.data, ...listed] : listed;
  return (
    <ChoiceField
      id="import-offering"
      label={t('imports.fields.offering')}
      value={value}
      onChange={onChange}
      placeholder={t('imports.upload.chooseOffering')}
      error={error}
      options={rows.map((offering) => ({
        value: offering.id,
        label: t('imports.upload.offeringOption', { code: offering.course.code, title: offering.course.title, start: formatDate(offering.startOn), place: offering.city ?? countryName(offering.country) }),
      }))}
    />
  );
}
