/** The credentials area's pages: the router loads them together, as one chunk, when one is first visited. */
export { CredentialPage } from './CredentialPage';
export { CredentialsListPage } from './CredentialsListPage';
export { EditCredentialPage } from './EditCredentialPage';
export { NewCredentialPage } from './NewCredentialPage';
