import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AdminRoutesGuard } from './AdminRoutesGuard';
import { AppShell } from './AppShell';
import { AreaLayout } from './AreaLayout';
import { RequireSignIn } from './guards';
import { SingleColumn } from './Main';
import { NotFound } from './NotFound';
import { PageLoading } from './PageLoading';
import { RouteError } from './RouteError';
import { PublicAddressAlert } from '../features/issuers/PublicAddressAlert';
import { loadWords } from '../i18n';
import { type Area, AREA_NAMESPACES } from '../locales/namespaces';

/**
 * Each area's pages are a chunk of their own, loaded when one of its routes is first matched,
 * together with the area's words in the reader's language (locales/namespaces.ts): the entry
 * holds the shell alone (header, navigation, language switch). The router waits for both before
 * it leaves the current page, and the shell says a page is loading meanwhile.
 */
function area<M>(name: Area, load: () => Promise<M>): () => Promise<M> {
  return async () => (await Promise.all([load(), loadWords(AREA_NAMESPACES[name])]))[0];
}

const admin = area('admin', () => import('../features/admin/pages'));
const auth = area('auth', () => import('../features/auth/pages'));
const cascade = area('cascade', () => import('../features/cascade/pages'));
const certifications = area('certifications', () => import('../features/certifications/pages'));
const courses = area('courses', () => import('../features/courses/pages'));
const credentials = area('credentials', () => import('../features/credentials/pages'));
const deployments = area('deployments', () => import('../features/deployments/pages'));
const endorsements = area('endorsements', () => import('../features/endorsements/pages'));
const engagements = area('engagements', () => import('../features/engagements/pages'));
const home = area('home', () => import('../features/home/pages'));
const imports = area('imports', () => import('../features/imports/pages'));
const issuers = area('issuers', () => import('../features/issuers/pages'));
const notifications = area('notifications', () => import('../features/notifications/pages'));
const offerings = area('offerings', () => import('../features/offerings/pages'));
const organizations = area('organizations', () => import('../features/organizations/pages'));
const partnerships = area('partnerships', () => import('../features/partnerships/pages'));
const people = area('people', () => import('../features/people/pages'));
const reports = area('reports', () => import('../features/reports/pages'));
const search = area('search', () => import('../features/search/pages'));
const security = area('security', () => import('../features/security/pages'));
const tasks = area('tasks', () => import('../features/tasks/pages'));
const verify = area('verify', () => import('../features/verify/pages'));
const vetting = area('vetting', () => import('../features/vetting/pages'));

/** A route whose page comes from its area's chunk. */
function page<M>(load: () => Promise<M>, render: (pages: M) => ReactNode): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> {
  return { lazy: async () => ({ element: render(await load()) }), hydrateFallbackElement: <PageLoading /> };
}

/** Pages an area shows beside its side navigation. */
const signedInRoutes: RouteObject[] = [
  {
    index: true,
    ...page(home, (m) => (
      <SingleColumn>
        <PublicAddressAlert />
        <m.HomePage />
      </SingleColumn>
    )),
  },
  {
    path: 'search',
    ...page(search, (m) => (
      <SingleColumn>
        <m.SearchPage />
      </SingleColumn>
    )),
  },
  {
    path: 'organizations',
    element: <AreaLayout area="organizations" />,
    children: [
      { index: true, ...page(organizations, (m) => <m.OrganizationsListPage />) },
      { path: 'new', ...page(organizations, (m) => <m.NewOrganizationPage />) },
      { path: ':id', ...page(organizations, (m) => <m.OrganizationPage />) },
      { path: ':id/edit', ...page(organizations, (m) => <m.EditOrganizationPage />) },
    ],
  },
  {
    path: 'partnerships',
    element: <AreaLayout area="partnerships" />,
    children: [
      // The pipeline needs the page's whole width for its six columns.
      { index: true, ...page(partnerships, (m) => <m.PartnershipsIndexPage />), handle: { isWide: true } },
      { path: 'new', ...page(partnerships, (m) => <m.NewPartnershipPage />) },
      { path: ':id', ...page(partnerships, (m) => <m.PartnershipPage />) },
      { path: ':id/edit', ...page(partnerships, (m) => <m.EditPartnershipPage />) },
      { path: 'agreements/:agreementId/edit', ...page(partnerships, (m) => <m.EditAgreementPage />) },
    ],
  },
  {
    path: 'engagements',
    element: <AreaLayout area="engagements" />,
    children: [
      { index: true, ...page(engagements, (m) => <m.EngagementsListPage />) },
      { path: 'new', ...page(engagements, (m) => <m.NewEngagementPage />) },
      { path: ':id', ...page(engagements, (m) => <m.EngagementPage />) },
      { path: ':id/edit', ...page(engagements, (m) => <m.EditEngagementPage />) },
    ],
  },
  {
    path: 'people',
    element: <AreaLayout area="people" />,
    children: [
      { index: true, ...page(people, (m) => <m.PeopleListPage />) },
      { path: 'new', ...page(people, (m) => <m.NewPersonPage />) },
      { path: ':id', ...page(people, (m) => <m.PersonPage />) },
      { path: ':id/edit', ...page(people, (m) => <m.EditPersonPage />) },
    ],
  },
  {
    path: 'deployments',
    element: <AreaLayout area="deployments" />,
    children: [
      { index: true, ...page(deployments, (m) => <m.DeploymentsListPage />) },
      { path: 'new', ...page(deployments, (m) => <m.NewDeploymentPage />) },
      { path: 'timeline', ...page(deployments, (m) => <m.TimelinePage />) },
      { path: ':id', ...page(deployments, (m) => <m.DeploymentPage />) },
      { path: ':id/edit', ...page(deployments, (m) => <m.EditDeploymentPage />) },
      { path: ':id/candidates', ...page(deployments, (m) => <m.CandidatesPage />) },
    ],
  },
  {
    path: 'offerings',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, ...page(offerings, (m) => <m.OfferingsListPage />) },
      { path: 'new', ...page(offerings, (m) => <m.NewOfferingPage />) },
      { path: ':id', ...page(offerings, (m) => <m.OfferingPage />) },
      { path: ':id/edit', ...page(offerings, (m) => <m.EditOfferingPage />) },
    ],
  },
  {
    path: 'courses',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, ...page(courses, (m) => <m.CoursesListPage />) },
      { path: 'new', ...page(courses, (m) => <m.NewCoursePage />) },
      { path: ':id', ...page(courses, (m) => <m.CoursePage />) },
      { path: ':id/edit', ...page(courses, (m) => <m.EditCoursePage />) },
    ],
  },
  {
    path: 'credentials',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, ...page(credentials, (m) => <m.CredentialsListPage />) },
      { path: 'new', ...page(credentials, (m) => <m.NewCredentialPage />) },
      { path: ':id', ...page(credentials, (m) => <m.CredentialPage />) },
      { path: ':id/edit', ...page(credentials, (m) => <m.EditCredentialPage />) },
    ],
  },
  {
    path: 'certifications',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, ...page(certifications, (m) => <m.CertificationsListPage view="all" />) },
      { path: 'expiring', ...page(certifications, (m) => <m.CertificationsListPage view="expiring" />) },
      { path: ':id', ...page(certifications, (m) => <m.CertificationPage />) },
    ],
  },
  {
    path: 'endorsements',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, ...page(endorsements, (m) => <m.EndorsementsPage />) },
      { path: 'new', ...page(endorsements, (m) => <m.NewEndorsementPage />) },
    ],
  },
  {
    path: 'issuers',
    element: <AreaLayout area="training" />,
    children: [{ index: true, ...page(issuers, (m) => <m.IssuersPage />) }],
  },
  {
    // The area exists for the program office alone, so other roles are told it is not theirs.
    path: 'vetting',
    element: <AreaLayout area="vetting" />,
    children: [
      { index: true, ...page(vetting, (m) => <m.VettingQueuePage />) },
      { path: 'records', ...page(vetting, (m) => <m.VettingRecordsPage />) },
      { path: 'new', ...page(vetting, (m) => <m.SubmitVettingPage />) },
    ],
  },
  {
    path: 'cascade',
    element: <AreaLayout area="cascade" fallback="people" />,
    children: [
      { index: true, ...page(cascade, (m) => <m.ProgramCascadePage />) },
      { path: 'instructors/:id', ...page(cascade, (m) => <m.InstructorCascadePage />) },
    ],
  },
  {
    path: 'notifications',
    ...page(notifications, (m) => (
      <SingleColumn>
        <m.NotificationsPage />
      </SingleColumn>
    )),
  },
  { path: 'reports', element: <AreaLayout area="reports" />, children: [{ index: true, ...page(reports, (m) => <m.ReportsPage />) }] },
  {
    path: 'imports',
    element: <AreaLayout area="imports" />,
    children: [
      { index: true, ...page(imports, (m) => <m.ImportsListPage />) },
      { path: 'new', ...page(imports, (m) => <m.NewImportPage />) },
      { path: ':id', ...page(imports, (m) => <m.ImportPage />) },
    ],
  },
  {
    path: 'tasks',
    element: <AreaLayout area="tasks" />,
    children: [
      { index: true, ...page(tasks, (m) => <m.TasksPage />) },
      { path: ':id/edit', ...page(tasks, (m) => <m.EditTaskPage />) },
    ],
  },
  {
    path: 'admin',
    element: <AdminRoutesGuard />,
    children: [
      {
        element: <AreaLayout area="admin" />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', ...page(admin, (m) => <m.UsersPage />) },
          { path: 'users/new', ...page(admin, (m) => <m.NewUserPage />) },
          { path: 'users/:id', ...page(admin, (m) => <m.UserPage />) },
          { path: 'audit', ...page(admin, (m) => <m.AuditPage />) },
        ],
      },
    ],
  },
  {
    path: 'account',
    element: <AreaLayout area="account" />,
    children: [
      { index: true, element: <Navigate to="tokens" replace /> },
      { path: 'password', ...page(auth, (m) => <m.ChangePasswordPage />) },
      { path: 'security', ...page(security, (m) => <m.AccountSecurityPage />) },
      { path: 'tokens', ...page(admin, (m) => <m.TokensPage />) },
      { path: 'sessions', ...page(admin, (m) => <m.SessionsPage />) },
      { path: 'notifications', ...page(notifications, (m) => <m.NotificationSettingsPage />) },
    ],
  },
];

/** Pages for anyone, signed in or not, under their own header (see publicPages.ts). */
const publicRoutes: RouteObject[] = [
  {
    path: 'verify',
    ...page(verify, (m) => (
      <SingleColumn>
        <m.VerifyFilePage />
      </SingleColumn>
    )),
  },
  {
    path: 'verify/:id',
    ...page(verify, (m) => (
      <SingleColumn>
        <m.CertificatePage />
      </SingleColumn>
    )),
  },
];

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { path: 'sign-in', ...page(auth, (m) => <m.SignInPage />) },
        { path: 'sign-in/second-factor', ...page(auth, (m) => <m.SecondFactorPage />) },
        { path: 'sign-in/refused', ...page(auth, (m) => <m.SignInRefusedPage />) },
        { path: '/', element: <RequireSignIn />, children: signedInRoutes },
        { path: '*', element: <NotFound /> },
      ],
    },
    { element: <AppShell isPublic />, errorElement: <RouteError />, children: publicRoutes },
  ]);
}
