/** The security area's pages: the router loads them together, as one chunk, when one is first visited. */
export { AccountSecurityPage } from './AccountSecurityPage';
