/** The certifications area's pages: the router loads them together, as one chunk, when one is first visited. */
export { CertificationPage } from './CertificationPage';
export { CertificationsListPage } from './CertificationsListPage';
