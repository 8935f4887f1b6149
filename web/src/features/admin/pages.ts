/** The admin area's pages: the router loads them together, as one chunk, when one is first visited. */
export { AuditPage } from './AuditPage';
export { NewUserPage } from './NewUserPage';
export { SessionsPage } from './SessionsPage';
export { TokensPage } from './TokensPage';
export { UserPage } from './UserPage';
export { UsersPage } from './UsersPage';
