/** The vetting area's pages: the router loads them together, as one chunk, when one is first visited. */
export { SubmitVettingPage } from './SubmitVettingPage';
export { VettingQueuePage } from './VettingQueuePage';
export { VettingRecordsPage } from './VettingRecordsPage';
