import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AdminRoutesGuard } from './AdminRoutesGuard';
import { AppShell } from './AppShell';
import { AreaLayout } from './AreaLayout';
import { RequireSignIn } from './guards';
import { SingleColumn } from './Main';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';
import { AuditPage } from '../features/admin/AuditPage';
import { NewUserPage } from '../features/admin/NewUserPage';
import { TokensPage } from '../features/admin/TokensPage';
import { SessionsPage } from '../features/admin/SessionsPage';
import { UserPage } from '../features/admin/UserPage';
import { UsersPage } from '../features/admin/UsersPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { SecondFactorPage } from '../features/auth/SecondFactorPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignInRefusedPage } from '../features/auth/SignInRefusedPage';
import { AccountSecurityPage } from '../features/security/AccountSecurityPage';
import { InstructorCascadePage } from '../features/cascade/InstructorCascadePage';
import { ProgramCascadePage } from '../features/cascade/ProgramCascadePage';
import { CertificationPage } from '../features/certifications/CertificationPage';
import { CertificationsListPage } from '../features/certifications/CertificationsListPage';
import { CoursePage } from '../features/courses/CoursePage';
import { CoursesListPage } from '../features/courses/CoursesListPage';
import { EditCoursePage } from '../features/courses/EditCoursePage';
import { EndorsementsPage } from '../features/endorsements/EndorsementsPage';
import { NewEndorsementPage } from '../features/endorsements/NewEndorsementPage';
import { IssuersPage } from '../features/issuers/IssuersPage';
import { PublicAddressAlert } from '../features/issuers/PublicAddressAlert';
import { NewCoursePage } from '../features/courses/NewCoursePage';
import { CredentialPage } from '../features/credentials/CredentialPage';
import { CredentialsListPage } from '../features/credentials/CredentialsListPage';
import { EditCredentialPage } from '../features/credentials/EditCredentialPage';
import { NewCredentialPage } from '../features/credentials/NewCredentialPage';
import { CandidatesPage } from '../features/deployments/CandidatesPage';
import { DeploymentPage } from '../features/deployments/DeploymentPage';
import { DeploymentsListPage } from '../features/deployments/DeploymentsListPage';
import { EditDeploymentPage } from '../features/deployments/EditDeploymentPage';
import { NewDeploymentPage } from '../features/deployments/NewDeploymentPage';
import { TimelinePage } from '../features/deployments/TimelinePage';
import { EditEngagementPage } from '../features/engagements/EditEngagementPage';
import { EngagementPage } from '../features/engagements/EngagementPage';
import { EngagementsListPage } from '../features/engagements/EngagementsListPage';
import { NewEngagementPage } from '../features/engagements/NewEngagementPage';
import { HomePage } from '../features/home/HomePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { NotificationSettingsPage } from '../features/notifications/NotificationSettingsPage';
import { EditOfferingPage } from '../features/offerings/EditOfferingPage';
import { NewOfferingPage } from '../features/offerings/NewOfferingPage';
import { OfferingPage } from '../features/offerings/OfferingPage';
import { OfferingsListPage } from '../features/offerings/OfferingsListPage';
import { EditOrganizationPage } from '../features/organizations/EditOrganizationPage';
import { NewOrganizationPage } from '../features/organizations/NewOrganizationPage';
import { OrganizationPage } from '../features/organizations/OrganizationPage';
import { OrganizationsListPage } from '../features/organizations/OrganizationsListPage';
import { EditAgreementPage } from '../features/partnerships/EditAgreementPage';
import { EditPartnershipPage } from '../features/partnerships/EditPartnershipPage';
import { NewPartnershipPage } from '../features/partnerships/NewPartnershipPage';
import { PartnershipPage } from '../features/partnerships/PartnershipPage';
import { PartnershipsIndexPage } from '../features/partnerships/PartnershipsListPage';
import { EditPersonPage } from '../features/people/EditPersonPage';
import { NewPersonPage } from '../features/people/NewPersonPage';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { PersonPage } from '../features/people/PersonPage';
import { ImportPage } from '../features/imports/ImportPage';
import { ImportsListPage } from '../features/imports/ImportsListPage';
import { NewImportPage } from '../features/imports/NewImportPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { EditTaskPage } from '../features/tasks/EditTaskPage';
import { SearchPage } from '../features/search/SearchPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { CertificatePage } from '../features/verify/CertificatePage';
import { VerifyFilePage } from '../features/verify/VerifyFilePage';
import { SubmitVettingPage } from '../features/vetting/SubmitVettingPage';
import { VettingQueuePage } from '../features/vetting/VettingQueuePage';
import { VettingRecordsPage } from '../features/vetting/VettingRecordsPage';

/** Pages an area shows beside its side navigation. */
const signedInRoutes: RouteObject[] = [
  {
    index: true,
    element: (
      <SingleColumn>
        <PublicAddressAlert />
        <HomePage />
      </SingleColumn>
    ),
  },
  {
    path: 'search',
    element: (
      <SingleColumn>
        <SearchPage />
      </SingleColumn>
    ),
  },
  {
    path: 'organizations',
    element: <AreaLayout area="organizations" />,
    children: [
      { index: true, element: <OrganizationsListPage /> },
      { path: 'new', element: <NewOrganizationPage /> },
      { path: ':id', element: <OrganizationPage /> },
      { path: ':id/edit', element: <EditOrganizationPage /> },
    ],
  },
  {
    path: 'partnerships',
    element: <AreaLayout area="partnerships" />,
    children: [
      // The pipeline needs the page's whole width for its six columns.
      { index: true, element: <PartnershipsIndexPage />, handle: { isWide: true } },
      { path: 'new', element: <NewPartnershipPage /> },
      { path: ':id', element: <PartnershipPage /> },
      { path: ':id/edit', element: <EditPartnershipPage /> },
      { path: 'agreements/:agreementId/edit', element: <EditAgreementPage /> },
    ],
  },
  {
    path: 'engagements',
    element: <AreaLayout area="engagements" />,
    children: [
      { index: true, element: <EngagementsListPage /> },
      { path: 'new', element: <NewEngagementPage /> },
      { path: ':id', element: <EngagementPage /> },
      { path: ':id/edit', element: <EditEngagementPage /> },
    ],
  },
  {
    path: 'people',
    element: <AreaLayout area="people" />,
    children: [
      { index: true, element: <PeopleListPage /> },
      { path: 'new', element: <NewPersonPage /> },
      { path: ':id', element: <PersonPage /> },
      { path: ':id/edit', element: <EditPersonPage /> },
    ],
  },
  {
    path: 'deployments',
    element: <AreaLayout area="deployments" />,
    children: [
      { index: true, element: <DeploymentsListPage /> },
      { path: 'new', element: <NewDeploymentPage /> },
      { path: 'timeline', element: <TimelinePage /> },
      { path: ':id', element: <DeploymentPage /> },
      { path: ':id/edit', element: <EditDeploymentPage /> },
      { path: ':id/candidates', element: <CandidatesPage /> },
    ],
  },
  {
    path: 'offerings',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, element: <OfferingsListPage /> },
      { path: 'new', element: <NewOfferingPage /> },
      { path: ':id', element: <OfferingPage /> },
      { path: ':id/edit', element: <EditOfferingPage /> },
    ],
  },
  {
    path: 'courses',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, element: <CoursesListPage /> },
      { path: 'new', element: <NewCoursePage /> },
      { path: ':id', element: <CoursePage /> },
      { path: ':id/edit', element: <EditCoursePage /> },
    ],
  },
  {
    path: 'credentials',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, element: <CredentialsListPage /> },
      { path: 'new', element: <NewCredentialPage /> },
      { path: ':id', element: <CredentialPage /> },
      { path: ':id/edit', element: <EditCredentialPage /> },
    ],
  },
  {
    path: 'certifications',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, element: <CertificationsListPage view="all" /> },
      { path: 'expiring', element: <CertificationsListPage view="expiring" /> },
      { path: ':id', element: <CertificationPage /> },
    ],
  },
  {
    path: 'endorsements',
    element: <AreaLayout area="training" />,
    children: [
      { index: true, element: <EndorsementsPage /> },
      { path: 'new', element: <NewEndorsementPage /> },
    ],
  },
  {
    path: 'issuers',
    element: <AreaLayout area="training" />,
    children: [{ index: true, element: <IssuersPage /> }],
  },
  {
    // The area exists for the program office alone, so other roles are told it is not theirs.
    path: 'vetting',
    element: <AreaLayout area="vetting" />,
    children: [
      { index: true, element: <VettingQueuePage /> },
      { path: 'records', element: <VettingRecordsPage /> },
      { path: 'new', element: <SubmitVettingPage /> },
    ],
  },
  {
    path: 'cascade',
    element: <AreaLayout area="cascade" fallback="people" />,
    children: [
      { index: true, element: <ProgramCascadePage /> },
      { path: 'instructors/:id', element: <InstructorCascadePage /> },
    ],
  },
  {
    path: 'notifications',
    element: (
      <SingleColumn>
        <NotificationsPage />
      </SingleColumn>
    ),
  },
  { path: 'reports', element: <AreaLayout area="reports" />, children: [{ index: true, element: <ReportsPage /> }] },
  {
    path: 'imports',
    element: <AreaLayout area="imports" />,
    children: [
      { index: true, element: <ImportsListPage /> },
      { path: 'new', element: <NewImportPage /> },
      { path: ':id', element: <ImportPage /> },
    ],
  },
  {
    path: 'tasks',
    element: <AreaLayout area="tasks" />,
    children: [
      { index: true, element: <TasksPage /> },
      { path: ':id/edit', element: <EditTaskPage /> },
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
          { path: 'users', element: <UsersPage /> },
          { path: 'users/new', element: <NewUserPage /> },
          { path: 'users/:id', element: <UserPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
    ],
  },
  {
    path: 'account',
    element: <AreaLayout area="account" />,
    children: [
      { index: true, element: <Navigate to="tokens" replace /> },
      { path: 'password', element: <ChangePasswordPage /> },
      { path: 'security', element: <AccountSecurityPage /> },
      { path: 'tokens', element: <TokensPage /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'notifications', element: <NotificationSettingsPage /> },
    ],
  },
];

/** Pages for anyone, signed in or not, under their own header (see publicPages.ts). */
const publicRoutes: RouteObject[] = [
  {
    path: 'verify',
    element: (
      <SingleColumn>
        <VerifyFilePage />
      </SingleColumn>
    ),
  },
  {
    path: 'verify/:id',
    element: (
      <SingleColumn>
        <CertificatePage />
      </SingleColumn>
    ),
  },
];

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-in/second-factor', element: <SecondFactorPage /> },
        { path: 'sign-in/refused', element: <SignInRefusedPage /> },
        { path: '/', element: <RequireSignIn />, children: signedInRoutes },
        { path: '*', element: <NotFound /> },
      ],
    },
    { element: <AppShell isPublic />, errorElement: <RouteError />, children: publicRoutes },
  ]);
}
