/** The auth area's pages: the router loads them together, as one chunk, when one is first visited. */
export { ChangePasswordPage } from './ChangePasswordPage';
export { SecondFactorPage } from './SecondFactorPage';
export { SignInPage } from './SignInPage';
export { SignInRefusedPage } from './SignInRefusedPage';
