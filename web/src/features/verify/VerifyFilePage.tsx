import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verifyRequestSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVerifyCredential } from './api';
import { CredentialFileField } from './CredentialFileField';
import { VerificationDetails, VerificationVerdict } from './VerificationResult';

/**
 * Anyone checks a credential they were given, as a file or pasted: JSON with a Data Integrity
 * proof, or a VC-JWT. The verdict is announced from a live region; the checks follow it.
 */
export function VerifyFilePage() {
  const { t } = useTranslation();
  const verify = useVerifyCredential();
  const form = useForm({
    defaultValues: { credential: '' },
    resolver: apiResolver({ schema: verifyRequestSchema, toRequest: (values: { credential: string }) => ({ credential: (values.credential.trim() || undefined) as string }) }),
    shouldFocusError: false,
  });
  const result = verify.data;
  const source = verify.variables?.source ?? '';

  return (
    <>
      <PageHeader title={t('verify.file.title')} lead={t('verify.file.lead')} />
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('verify.file.uploadHeading')}</h2>
        <CredentialFileField onFile={(body, name) => verify.mutate({ body, source: t('verify.file.sourceFile', { name }) })} />
      </section>
      <section aria-labelledby="paste-heading" className="margin-top-5">
        <h2 id="paste-heading">{t('verify.file.pasteHeading')}</h2>
        <Form
          form={form}
          idPrefix="verify"
          labels={{ credential: t('verify.file.pasteLabel') }}
          submitLabel={t('verify.file.submit')}
          hasRequiredNote={false}
          // A refusal is shown in the result's place, as it is for a file, rather than in the form.
          onSubmit={async (body) => verify.mutate({ body: { credential: body.credential as string }, source: t('verify.file.sourcePasted') })}
        >
          <TextAreaField name="credential" isRequired hint={t('verify.file.pasteHint')} className="credential-textarea" />
        </Form>
      </section>
      <section aria-labelledby="result-heading" className="margin-top-5">
        <h2 id="result-heading">{t('verify.file.resultHeading')}</h2>
        <div role="status" className="margin-bottom-2">
          {verify.isPending && <p>{t('verify.file.checking')}</p>}
          {!verify.isPending && result && <VerificationVerdict result={result} source={source} />}
          {verify.isIdle && <p className="text-base-dark">{t('verify.file.nothingYet')}</p>}
        </div>
        {verify.isError && <ProblemAlert error={verify.error} headingLevel="h3" />}
        {!verify.isPending && result && <VerificationDetails result={result} />}
      </section>
    </>
  );
}
