/** The people area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditPersonPage } from './EditPersonPage';
export { NewPersonPage } from './NewPersonPage';
export { PeopleListPage } from './PeopleListPage';
export { PersonPage } from './PersonPage';
