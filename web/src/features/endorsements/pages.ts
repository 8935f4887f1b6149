/** The endorsements area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EndorsementsPage } from './EndorsementsPage';
export { NewEndorsementPage } from './NewEndorsementPage';
