/** The partnerships area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditAgreementPage } from './EditAgreementPage';
export { EditPartnershipPage } from './EditPartnershipPage';
export { NewPartnershipPage } from './NewPartnershipPage';
export { PartnershipPage } from './PartnershipPage';
export { PartnershipsIndexPage } from './PartnershipsListPage';
