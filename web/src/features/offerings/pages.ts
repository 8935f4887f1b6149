/** The offerings area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditOfferingPage } from './EditOfferingPage';
export { NewOfferingPage } from './NewOfferingPage';
export { OfferingPage } from './OfferingPage';
export { OfferingsListPage } from './OfferingsListPage';
