/** The imports area's pages: the router loads them together, as one chunk, when one is first visited. */
export { ImportPage } from './ImportPage';
export { ImportsListPage } from './ImportsListPage';
export { NewImportPage } from './NewImportPage';
