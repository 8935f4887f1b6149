/** The verify area's pages: the router loads them together, as one chunk, when one is first visited. */
export { CertificatePage } from './CertificatePage';
export { VerifyFilePage } from './VerifyFilePage';
