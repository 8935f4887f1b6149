import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type OfferingDetail, updateOfferingSchema } from '../../api/schemas';
import { Form } from '../../components/form/Form';
import { TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useUpdateOffering } from './api';

interface CancelValues {
  cancelReason: string;
}

/** Cancelling cannot be undone, so it is asked for twice: the button, then a confirmation with the reason. */
export function CancelOffering({ offering }: { offering: OfferingDetail }) {
  const { t } = useTranslation();
  const cancel = useUpdateOffering(offering);
  const [isConfirming, setIsConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({
    defaultValues: { cancelReason: '' },
    // The API's own rule: a cancellation says why, in the words the API uses.
    resolver: apiResolver({
      schema: updateOfferingSchema,
      toRequest: (values: CancelValues) => ({ status: 'cancelled' as const, cancelReason: blankToNull(values.cancelReason) ?? undefined }),
    }),
    shouldFocusError: false,
  });

  const open = () => {
    flushSync(() => setIsConfirming(true));
    heading.current?.focus();
  };
  const keep = () => {
    flushSync(() => setIsConfirming(false));
    form.reset();
    openButton.current?.focus();
  };

  return (
    <section aria-labelledby="cancel-heading" className="margin-top-5">
      <h2 id="cancel-heading">{t('offerings.cancelHeading')}</h2>
      {!isConfirming ? (
        <button ref={openButton} type="button" className="usa-button usa-button--secondary" onClick={open}>
          {t('offerings.cancel')}
        </button>
      ) : (
        <div className="confirm-panel confirm-panel--danger" role="group" aria-labelledby="cancel-confirm-heading">
          <h3 id="cancel-confirm-heading" ref={heading} tabIndex={-1} className="margin-top-0">
            {t('offerings.cancelConfirmHeading')}
          </h3>
          <p>{t('offerings.cancelExplanation', { count: offering.enrollments.length })}</p>
          <Form
            form={form}
            idPrefix="cancel-offering"
            labels={{ cancelReason: t('offerings.fields.cancelReason') }}
            hasRequiredNote={false}
            submitLabel={t('offerings.cancelConfirm')}
            onSubmit={async (body) => {
              await cancel.mutateAsync(body);
              // The page now shows a cancelled offering; its heading takes focus so the change is heard.
              document.getElementById('page-heading')?.focus();
            }}
          >
            <TextAreaField name="cancelReason" isRequired className="short-textarea" />
          </Form>
          {/* Not the form's own "Cancel": next to cancelling the offering, that word would mislead. */}
          <button type="button" className="usa-button usa-button--unstyled margin-top-2" onClick={keep}>
            {t('offerings.keepScheduled')}
          </button>
        </div>
      )}
    </section>
  );
}
