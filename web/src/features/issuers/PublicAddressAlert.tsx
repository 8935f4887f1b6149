import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../api/session';
import { Alert } from '../../components/Alert';

/**
 * While Cadre's address is not public, those who issue certificates are told on every page:
 * certificates carry the address in their QR codes and signed links for good.
 */
export function PublicAddressAlert() {
  const { t } = useTranslation();
  const can = useCan();
  const address = useMe().data?.publicAddress;
  if (!address || address.isPublic || !can('issuers', 'update')) return null;
  return (
    <Alert type="warning" heading={t('issuerSettings.address.heading', { url: address.url })} headingLevel="h2" className="margin-bottom-3 public-address-alert">
      <p className="margin-y-0">{t(`issuerSettings.address.problem.${address.problem ?? 'unset'}`)}</p>
    </Alert>
  );
}
