import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ReportRun, startRunSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { SelectField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { useStartReportRun } from './api';
import { RUN_DOCUMENTS, runRequest } from './documents';

const DOCUMENT_LABELS = {
  'year:pdf': 'reports.run.documents.yearPdf',
  'year:md': 'reports.run.documents.yearMd',
  'year:html': 'reports.run.documents.yearHtml',
  'iati:xml': 'reports.run.documents.iati',
} as const;

interface RunValues {
  document: string;
}

/** Starts the year's report (or its IATI file) in the background; the API answers at once. */
export function RunForm({ year, onStarted }: { year: number; onStarted: (run: ReportRun) => void }) {
  const { t } = useTranslation();
  const start = useStartReportRun();
  const form = useForm({
    defaultValues: { document: 'year:pdf' } as RunValues,
    resolver: apiResolver({
      schema: startRunSchema,
      toRequest: (values: RunValues) => runRequest(values.document, year),
      fieldOfRequest: { kind: 'document', format: 'document', year: 'document' },
    }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="report-run"
      labels={{ document: t('reports.run.document') }}
      fieldOfRequest={{ kind: 'document', format: 'document', year: 'document' }}
      submitLabel={t('reports.run.start', { year })}
      hasRequiredNote={false}
      problemHeading={t('reports.run.refused')}
      onSubmit={async (body) => onStarted(await start.mutateAsync(body))}
    >
      <SelectField
        name="document"
        isRequired
        options={RUN_DOCUMENTS.map((document) => ({ value: document, label: t(DOCUMENT_LABELS[document]) }))}
      />
    </Form>
  );
}
