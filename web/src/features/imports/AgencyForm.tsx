import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Import } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { countryName } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOrganizationOptions } from '../organizations/api';
import { useUpdateImport } from './api';
import { ChoiceField } from './ChoiceField';

/** A roster whose rows name no agency: the agency they all belong to, chosen here rather than by uploading again. */
export function AgencyForm({ view }: { view: Import }) {
  const { t } = useTranslation();
  const organizations = useOrganizationOptions();
  const update = useUpdateImport(view);
  const [organizationId, setOrganizationId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!organizationId) {
      setError(t('imports.agency.required'));
      return;
    }
    setError(null);
    update.mutate({ organizationId });
  }

  return (
    <Alert type="warning" headingLevel="h2" heading={t('imports.agency.heading')} className="margin-top-2">
      <p>{t('imports.agency.body')}</p>
      {update.isError && <ProblemAlert error={update.error} heading={t('imports.agency.refused')} focusKey={attempt} headingLevel="h3" />}
      <form className="usa-form" noValidate onSubmit={submit}>
        <ChoiceField
          id="import-agency"
          label={t('imports.fields.agency')}
          value={organizationId}
          onChange={setOrganizationId}
          placeholder={t('imports.agency.choose')}
          error={error}
          options={(organizations.data ?? []).map((organization) => ({ value: organization.id, label: `${organization.name} (${countryName(organization.country)})` }))}
        />
        <button type="submit" className="usa-button margin-top-2" disabled={update.isPending}>
          {t('imports.agency.save')}
        </button>
      </form>
    </Alert>
  );
}
