/**
 * The web app's words are in i18next namespaces, one file each (`locales/<language>/<namespace>.json`),
 * each holding whole top-level sections of keys, so a key reads the same wherever it lives
 * (`t('auth.signIn')`). The shell's words load with the app; an area's load with its pages, so
 * the first page downloads only the words it shows. Plain data: the router, i18n.ts, the tests
 * and bench/first-load.ts read it.
 */
export const SECTIONS = {
  /** The header, navigation, errors, forms and tables every page shows. */
  shell: ['app', 'publicHeader', 'nav', 'common', 'language', 'errors', 'problem', 'notifications', 'search', 'print', 'issuerSettings', 'form', 'validation', 'table'],
  /** The names of roles, kinds and statuses, which most areas' lists and records show. */
  labels: [
    'roles',
    'stages',
    'agreementKinds',
    'agreementStatuses',
    'engagementKinds',
    'taskStatuses',
    'organizationKinds',
    'ilr',
    'tracks',
    'courseLevels',
    'offeringStatuses',
    'enrollmentStatuses',
    'certificationStatuses',
    'instructorRoles',
    'purposes',
    'deploymentStatuses',
    'assignmentStatuses',
    'assignmentRoles',
    'sexes',
    'personStatuses',
    'vettingStatuses',
  ],
  auth: ['auth'],
  security: ['security'],
  admin: ['users', 'tokens', 'sessions', 'audit'],
  dashboard: ['home', 'dashboard', 'figures', 'cascade'],
  reports: ['reports'],
  organizations: ['organizations'],
  partnerships: ['partnerships', 'agreements'],
  engagements: ['engagements', 'tasks', 'followUps'],
  people: ['people', 'readiness', 'transcript'],
  deployments: ['deployments', 'assignments', 'rotations', 'candidates', 'timeline', 'personDays'],
  training: ['courses', 'credentials', 'endorsements'],
  offerings: ['offerings', 'roster', 'instructors', 'closing'],
  certifications: ['certifications', 'verify'],
  imports: ['imports'],
  vetting: ['vetting'],
} as const;

export type Namespace = keyof typeof SECTIONS;
export const NAMESPACES = Object.keys(SECTIONS) as Namespace[];

/** Loaded with the app, before its first paint. */
export const SHELL_NAMESPACE = 'shell' satisfies Namespace;

/**
 * The namespaces each area's pages (`features/<area>/pages.ts`) show beyond the shell's: the
 * router loads them with the area's chunk, and the page renders once both are in.
 * `namespaces.test.ts` checks each area's modules use no other.
 */
export const AREA_NAMESPACES = {
  admin: ['admin', 'labels', 'people'],
  auth: ['auth'],
  cascade: ['dashboard', 'labels'],
  certifications: ['certifications', 'dashboard', 'labels'],
  courses: ['training', 'offerings', 'labels'],
  credentials: ['training', 'labels'],
  deployments: ['deployments', 'dashboard', 'labels'],
  endorsements: ['training'],
  engagements: ['engagements', 'dashboard', 'labels'],
  home: ['dashboard', 'partnerships', 'offerings', 'labels'],
  imports: ['imports'],
  issuers: [],
  notifications: [],
  offerings: ['offerings', 'training', 'certifications', 'engagements', 'people', 'labels'],
  organizations: ['organizations', 'engagements', 'people', 'imports', 'labels'],
  partnerships: ['partnerships', 'engagements', 'dashboard', 'labels'],
  people: ['people', 'dashboard', 'imports', 'deployments', 'offerings', 'certifications', 'labels'],
  reports: ['reports'],
  search: [],
  security: ['security'],
  tasks: ['engagements', 'dashboard', 'labels'],
  verify: ['certifications'],
  vetting: ['vetting', 'people', 'labels'],
} as const satisfies Record<string, readonly Namespace[]>;

export type Area = keyof typeof AREA_NAMESPACES;
