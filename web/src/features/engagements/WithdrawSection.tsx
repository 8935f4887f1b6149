import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type EngagementDetail, withdrawEngagementSchema } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatInstant } from '../../components/format';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { useWithdrawEngagement } from './api';

/** What a withdrawn meeting says of itself: when, by whom and why. */
export function WithdrawnBanner({ withdrawal }: { withdrawal: NonNullable<EngagementDetail['withdrawal']> }) {
  const { t } = useTranslation();
  return (
    <div id="withdrawn-banner" tabIndex={-1}>
      <Alert type="warning" headingLevel="h2" heading={t('engagements.withdraw.bannerHeading')} className="margin-bottom-3">
        {t('engagements.withdraw.banner', {
          date: formatInstant(withdrawal.at),
          name: withdrawal.byName ?? t('engagements.withdraw.someone'),
          reason: withdrawal.reason,
        })}
      </Alert>
    </div>
  );
}

/**
 * Withdrawing a meeting logged in error: a button that opens a form asking why, which says
 * beforehand what will happen to the meeting and its open follow-ups.
 */
export function WithdrawSection({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const withdraw = useWithdrawEngagement(engagement);
  const form = useForm({ defaultValues: { reason: '' }, resolver: apiResolver({ schema: withdrawEngagementSchema, toRequest: (values: { reason: string }) => values }), shouldFocusError: false });
  const openFollowUps = engagement.tasks.filter((task) => task.status === 'open').length;

  const open = () => {
    flushSync(() => setIsOpen(true));
    heading.current?.focus();
  };
  const close = () => {
    flushSync(() => setIsOpen(false));
    openButton.current?.focus();
  };

  if (!isOpen) {
    return (
      <button ref={openButton} type="button" className="usa-button usa-button--secondary margin-top-5" onClick={open}>
        {t('engagements.withdraw.open')}
      </button>
    );
  }
  return (
    <section aria-labelledby="withdraw-heading" className="margin-top-5 border-top border-base-lighter padding-top-2">
      <h2 id="withdraw-heading" ref={heading} tabIndex={-1}>
        {t('engagements.withdraw.heading')}
      </h2>
      <p>{t('engagements.withdraw.intro')}</p>
      {openFollowUps > 0 && <p>{t('engagements.withdraw.followUps', { count: openFollowUps })}</p>}
      <Form
        form={form}
        idPrefix="withdraw"
        labels={{ reason: t('engagements.withdraw.reason') }}
        submitLabel={t('engagements.withdraw.submit')}
        cancel={close}
        onSubmit={async (body) => {
          await withdraw.mutateAsync(body);
          // The page now shows the meeting as withdrawn: focus goes to the banner that says so.
          requestAnimationFrame(() => document.getElementById('withdrawn-banner')?.focus());
        }}
      >
        <TextField name="reason" isRequired hint={t('engagements.withdraw.reasonHint')} />
      </Form>
    </section>
  );
}
