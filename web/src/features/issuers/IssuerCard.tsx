import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type IssuerProfile, updateIssuerProfileSchema } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fileAsBase64, markSource, useUpdateIssuer } from './api';

interface SignatoryValues {
  signatoryName: string;
  signatoryTitle: string;
}

const toValues = (issuer: IssuerProfile): SignatoryValues => ({ signatoryName: issuer.signatoryName ?? '', signatoryTitle: issuer.signatoryTitle ?? '' });
const toRequest = (values: SignatoryValues) => ({ signatoryName: blankToNull(values.signatoryName), signatoryTitle: blankToNull(values.signatoryTitle) });

/** The mark: what certificates print now, a new image chosen and previewed before it is saved, or removed. */
function MarkSection({ issuer }: { issuer: IssuerProfile }) {
  const { t } = useTranslation();
  const inputId = useId();
  const update = useUpdateIssuer(issuer);
  const [chosen, setChosen] = useState<{ preview: string; data: string; name: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const canUpdate = issuer.allowedActions.includes('update');

  const choose = async (file: File | undefined) => {
    setSaved(null);
    update.reset();
    if (!file) return setChosen(null);
    const data = await fileAsBase64(file);
    setChosen({ preview: URL.createObjectURL(file), data, name: file.name });
  };
  const save = async (body: unknown, message: string) => {
    try {
      await update.mutateAsync(body);
      setChosen(null);
      setSaved(message);
    } catch {
      // Shown by the problem alert.
    }
  };

  return (
    <div className="margin-top-2">
      <h3 className="margin-bottom-1">{t('issuerSettings.mark.heading')}</h3>
      <div className="issuer-mark-frame">
        {chosen ? (
          <img src={chosen.preview} alt={t('issuerSettings.mark.previewAlt', { name: chosen.name })} className="issuer-mark" />
        ) : issuer.mark ? (
          <img src={markSource(issuer.mark.url)} alt={t('issuerSettings.mark.currentAlt', { issuer: issuer.name })} className="issuer-mark" />
        ) : (
          <p className="text-base margin-0">{t('issuerSettings.mark.none')}</p>
        )}
      </div>
      {issuer.mark && !chosen && <p className="usa-hint margin-top-05">{t('issuerSettings.mark.size', { width: issuer.mark.width, height: issuer.mark.height })}</p>}
      {saved && (
        <Alert type="success" isSlim role="status" className="margin-y-1">
          {saved}
        </Alert>
      )}
      <ProblemAlert error={update.error} headingLevel="h4" />
      {canUpdate && (
        <div className="usa-form-group margin-top-1">
          <label className="usa-label" htmlFor={inputId}>
            {issuer.mark ? t('issuerSettings.mark.replace') : t('issuerSettings.mark.upload')}
          </label>
          <span className="usa-hint" id={`${inputId}-hint`}>
            {t('issuerSettings.mark.hint')}
          </span>
          <input id={inputId} type="file" accept="image/png,image/jpeg" className="usa-input" aria-describedby={`${inputId}-hint`} onChange={(event) => void choose(event.target.files?.[0])} />
          <div className="margin-top-1">
            {chosen && (
              <button type="button" className="usa-button" disabled={update.isPending} onClick={() => void save({ mark: { data: chosen.data } }, t('issuerSettings.mark.saved'))}>
                {t('issuerSettings.mark.save')}
              </button>
            )}
            {issuer.mark && !chosen && (
              <button type="button" className="usa-button usa-button--outline" disabled={update.isPending} onClick={() => void save({ mark: null }, t('issuerSettings.mark.removed'))}>
                {t('issuerSettings.mark.remove')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function SignatoryForm({ issuer }: { issuer: IssuerProfile }) {
  const { t } = useTranslation();
  const update = useUpdateIssuer(issuer);
  const [isSaved, setIsSaved] = useState(false);
  const form = useForm({ defaultValues: toValues(issuer), resolver: apiResolver({ schema: updateIssuerProfileSchema, toRequest }), shouldFocusError: false });
  return (
    <>
      {isSaved && (
        <Alert type="success" isSlim role="status" className="margin-y-1">
          {t('issuerSettings.signatory.saved')}
        </Alert>
      )}
      <Form
        form={form}
        latest={{ version: issuer.version, values: toValues(issuer) }}
        idPrefix={`issuer-${issuer.organizationId}`}
        labels={{ signatoryName: t('issuerSettings.signatory.name'), signatoryTitle: t('issuerSettings.signatory.title') }}
        onSubmit={async (body) => {
          setIsSaved(false);
          await update.mutateAsync(body);
          setIsSaved(true);
        }}
        submitLabel={t('issuerSettings.signatory.save')}
        hasRequiredNote={false}
      >
        <TextField name="signatoryName" hint={t('issuerSettings.signatory.nameHint')} />
        <TextField name="signatoryTitle" hint={t('issuerSettings.signatory.titleHint')} />
      </Form>
    </>
  );
}

/** One issuer: the mark and the signatory its certificates print. */
export function IssuerCard({ issuer }: { issuer: IssuerProfile }) {
  const { t } = useTranslation();
  const canUpdate = issuer.allowedActions.includes('update');
  return (
    <section className="border-top border-base-lighter padding-top-2 margin-top-4" aria-labelledby={`issuer-${issuer.organizationId}-heading`}>
      <h2 id={`issuer-${issuer.organizationId}-heading`} className="margin-y-0">
        {issuer.name}
      </h2>
      <p className="text-base-dark margin-top-05">{issuer.isProgramOffice ? t('issuerSettings.programOffice') : t('issuerSettings.endorsed')}</p>
      <MarkSection issuer={issuer} />
      <h3 className="margin-bottom-0 margin-top-3">{t('issuerSettings.signatory.heading')}</h3>
      {canUpdate ? (
        <SignatoryForm key={issuer.version} issuer={issuer} />
      ) : (
        <p>{issuer.signatoryName ? [issuer.signatoryName, issuer.signatoryTitle].filter(Boolean).join(', ') : t('issuerSettings.signatory.none')}</p>
      )}
    </section>
  );
}
