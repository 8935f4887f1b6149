/** The organizations area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditOrganizationPage } from './EditOrganizationPage';
export { NewOrganizationPage } from './NewOrganizationPage';
export { OrganizationPage } from './OrganizationPage';
export { OrganizationsListPage } from './OrganizationsListPage';
