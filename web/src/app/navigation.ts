import type { TFunction } from 'i18next';
import type { User } from '../api/schemas';
import { importableKinds } from '../features/imports/kinds';

/** Whether the user's role may ever take an action on a kind of record, from `useCan()`. */
export type Can = (resource: string, action: string) => boolean;

export type AreaId =
  | 'home'
  | 'organizations'
  | 'partnerships'
  | 'engagements'
  | 'tasks'
  | 'people'
  | 'deployments'
  | 'training'
  | 'vetting'
  | 'cascade'
  | 'reports'
  | 'imports'
  | 'admin'
  | 'account';

export interface NavLinkItem {
  to: string;
  label: string;
  /** Matches the whole path only, so "All organizations" is not current on a record's page. */
  isEnd?: boolean;
}

export interface Area {
  id: AreaId;
  to: string;
  label: string;
  links: NavLinkItem[];
  /** First path segments the area also covers (training spans courses, offerings and more). */
  sections?: string[];
}

/**
 * The areas a role works in, with each area's side navigation: an area for what the role may
 * read, a "New …" link for what it may create, as the server's policy says (`can`).
 */
export function areasFor(user: User, t: TFunction, can: Can): Area[] {
  // Those who read the program's figures land on the dashboard, which is their home.
  const areas: Area[] = [{ id: 'home', to: '/', label: can('reports', 'read') ? t('nav.dashboard') : t('nav.home'), links: [] }];
  if (user.personId) {
    // An account bound to one person (an instructor's) works on that person's own record.
    areas.push({ id: 'people', to: `/people/${user.personId}`, label: t('nav.ownRecord'), links: [] });
    areas.push(trainingArea(user, t, can));
    if (can('cascade', 'read')) areas.push({ id: 'cascade', to: `/cascade/instructors/${user.personId}`, label: t('nav.ownCascade'), links: [] });
    if (importsAnything(can)) areas.push(importsArea(t));
    return areas;
  }

  // An account bound to one agency (a coordinator's) works on that agency's records.
  const ownOrganization = user.organizationId ? `/organizations/${user.organizationId}` : null;
  if (can('organizations', 'read')) areas.push({
    id: 'organizations',
    to: ownOrganization ?? '/organizations',
    label: ownOrganization ? t('nav.ownOrganization') : t('nav.organizations'),
    links: ownOrganization
      ? [{ to: ownOrganization, label: t('nav.ownOrganization') }]
      : [
          { to: '/organizations', label: t('nav.allOrganizations'), isEnd: true },
          ...(can('organizations', 'create') ? [{ to: '/organizations/new', label: t('nav.newOrganization') }] : []),
        ],
  });
  if (can('partnerships', 'read')) {
    areas.push({
      id: 'partnerships',
      to: '/partnerships',
      label: t('nav.partnerships'),
      links: [
        { to: '/partnerships', label: t('nav.board'), isEnd: true },
        ...(can('partnerships', 'create') ? [{ to: '/partnerships/new', label: t('nav.newPartnership') }] : []),
      ],
    });
  }
  if (can('engagements', 'read')) {
    areas.push({
      id: 'engagements',
      to: '/engagements',
      label: t('nav.engagements'),
      links: [
        { to: '/engagements', label: t('nav.allEngagements'), isEnd: true },
        ...(can('engagements', 'create') ? [{ to: '/engagements/new', label: t('nav.newEngagement') }] : []),
      ],
    });
  }
  areas.push({
    id: 'people',
    to: '/people',
    label: ownOrganization ? t('nav.ownPeople') : t('nav.people'),
    links: [
      { to: '/people', label: ownOrganization ? t('nav.ownPeople') : t('nav.allPeople'), isEnd: true },
      ...(can('people', 'create') ? [{ to: '/people/new', label: t('nav.newPerson') }] : []),
    ],
  });
  areas.push({
    id: 'deployments',
    to: '/deployments',
    label: t('nav.deployments'),
    links: [
      { to: '/deployments', label: t('nav.allDeployments'), isEnd: true },
      ...(can('deployments', 'create') ? [{ to: '/deployments/new', label: t('nav.newDeployment') }] : []),
      { to: '/deployments/timeline', label: t('nav.timeline') },
    ],
  });
  areas.push(trainingArea(user, t, can));
  if (can('vetting', 'read')) {
    areas.push({
      id: 'vetting',
      to: '/vetting',
      label: t('nav.vetting'),
      links: [
        { to: '/vetting', label: t('nav.vettingQueue'), isEnd: true },
        { to: '/vetting/records', label: t('nav.vettingRecords') },
        ...(can('vetting', 'create') ? [{ to: '/vetting/new', label: t('nav.submitVetting') }] : []),
      ],
    });
  }
  // The program's cascade is for the program office and its viewers; a coordinator opens one
  // instructor's cascade from their person page.
  if (can('cascade', 'readProgram')) {
    areas.push({ id: 'cascade', to: '/cascade', label: t('nav.cascade'), links: [{ to: '/cascade', label: t('nav.programCascade'), isEnd: true }] });
  }
  if (can('reports', 'read')) {
    // One page: the year's figures are on the dashboard, which is home.
    areas.push({ id: 'reports', to: '/reports', label: t('nav.reports'), links: [] });
  }
  if (importsAnything(can)) areas.push(importsArea(t));
  if (can('tasks', 'read')) {
    // The page's own open / overdue / done switch is its navigation.
    areas.push({ id: 'tasks', to: '/tasks', label: t('nav.tasks'), links: [] });
  }
  if (can('users', 'read')) {
    areas.push({
      id: 'admin',
      to: '/admin/users',
      label: t('nav.admin'),
      links: [
        { to: '/admin/users', label: t('nav.users'), isEnd: true },
        ...(can('users', 'create') ? [{ to: '/admin/users/new', label: t('nav.newUser') }] : []),
        ...(can('audit', 'read') ? [{ to: '/admin/audit', label: t('nav.audit') }] : []),
      ],
    });
  }
  return areas;
}

/**
 * Courses, credentials, offerings, certifications and the endorsements to certify under the
 * program's standard; an instructor and a coordinator see their own.
 */
function trainingArea(user: User, t: TFunction, can: Can): Area {
  // An account bound to a person or an agency sees that one's training.
  const own = user.personId ? 'instructor' : user.organizationId ? 'coordinator' : null;
  return {
    id: 'training',
    to: '/offerings',
    label: t('nav.training'),
    sections: ['/offerings', '/courses', '/credentials', '/certifications', '/endorsements', '/issuers'],
    links: [
      { to: '/offerings', label: own ? t(`nav.ownOfferings.${own}`) : t('nav.offerings'), isEnd: true },
      ...(can('offerings', 'create') ? [{ to: '/offerings/new', label: t('nav.newOffering') }] : []),
      { to: '/courses', label: t('nav.courses'), isEnd: true },
      ...(can('courses', 'create') ? [{ to: '/courses/new', label: t('nav.newCourse') }] : []),
      { to: '/credentials', label: t('nav.credentials'), isEnd: true },
      ...(can('credentials', 'create') ? [{ to: '/credentials/new', label: t('nav.newCredential') }] : []),
      { to: '/certifications', label: own ? t(`nav.ownCertifications.${own}`) : t('nav.certifications'), isEnd: true },
      { to: '/certifications/expiring', label: t('nav.expiring') },
      // Endorsing a partner to certify is the program office's act; its viewers read the list.
      ...(can('endorsements', 'read') ? [{ to: '/endorsements', label: t('nav.endorsements'), isEnd: true }] : []),
      ...(can('endorsements', 'create') ? [{ to: '/endorsements/new', label: t('nav.newEndorsement') }] : []),
      ...(can('issuers', 'read') ? [{ to: '/issuers', label: t('issuerSettings.nav') }] : []),
    ],
  };
}

export function accountArea(t: TFunction): Area {
  return {
    id: 'account',
    to: '/account/tokens',
    label: t('nav.account'),
    links: [
      { to: '/account/password', label: t('nav.changePassword') },
      { to: '/account/security', label: t('nav.security') },
      { to: '/account/tokens', label: t('nav.tokens') },
      { to: '/account/sessions', label: t('nav.sessions') },
      { to: '/account/notifications', label: t('nav.notificationSettings') },
    ],
  };
}

/** Whether the role may import any kind of spreadsheet. */
function importsAnything(can: Can): boolean {
  return importableKinds(can).length > 0;
}

/** Spreadsheets in: for the program office, coordinators (their roster) and instructors (attendance). */
function importsArea(t: TFunction): Area {
  return {
    id: 'imports',
    to: '/imports',
    label: t('nav.imports'),
    links: [
      { to: '/imports', label: t('nav.allImports'), isEnd: true },
      { to: '/imports/new', label: t('nav.newImport') },
    ],
  };
}
