import type {
  AgreementKind,
  CourseLevel,
  DeploymentStatus,
  EngagementKind,
  OfferingStatus,
  OrganizationKind,
  PersonStatus,
  Purpose,
  Stage,
  TaskStatus,
  Track,
  VettingStatus,
} from './db/enums.js';

/**
 * The words people read for the codes Cadre stores, one map per code set, in one place for every
 * document the server writes (exports today). Keyed by locale so translations can sit beside the
 * English ones; a typed map per set, so a code added to an enum without its label fails to compile.
 * The wording follows the web app's, so a spreadsheet says what the screen says.
 */
const EN = {
  organizationKind: {
    program_office: 'Program office',
    municipal_police: 'Municipal police department',
    county_sheriff: 'County sheriff’s office',
    state_police: 'State police',
    state_corrections: 'State corrections department',
    county_corrections: 'County corrections department',
    federal_agency: 'Federal agency',
    professional_association: 'Professional association',
    academy: 'Academy',
    foreign_police: 'Foreign police service',
    foreign_corrections: 'Foreign corrections service',
    ministry: 'Ministry',
    other: 'Other',
  } satisfies Record<OrganizationKind, string>,
  stage: { prospect: 'Prospect', engaged: 'Engaged', agreement: 'Agreement', active: 'Active', paused: 'Paused', closed: 'Closed' } satisfies Record<Stage, string>,
  track: { policing: 'Policing', corrections: 'Corrections' } satisfies Record<Track, string>,
  agreementKind: { mou: 'Memorandum of understanding', inter_agency_agreement: 'Inter-agency agreement', letter_of_agreement: 'Letter of agreement' } satisfies Record<
    AgreementKind,
    string
  >,
  agreementStatus: { unsigned: 'Not signed', in_force: 'In force', expired: 'Expired' },
  engagementKind: { meeting: 'Meeting', call: 'Call', visit: 'Visit', workshop: 'Workshop', conference: 'Conference', correspondence: 'Correspondence' } satisfies Record<
    EngagementKind,
    string
  >,
  taskStatus: { open: 'Open', done: 'Done', cancelled: 'Cancelled' } satisfies Record<TaskStatus, string>,
  personStatus: { active: 'Active', inactive: 'Inactive', retired: 'Retired' } satisfies Record<PersonStatus, string>,
  readiness: { ready: 'Ready', expiring: 'Expiring', not_ready: 'Not ready' },
  deploymentStatus: {
    planning: 'Planning',
    staffing: 'Staffing',
    predeployment: 'Pre-deployment',
    in_country: 'In country',
    completed: 'Completed',
    cancelled: 'Cancelled',
  } satisfies Record<DeploymentStatus, string>,
  purpose: { mentor: 'Mentor', train: 'Train', advise: 'Advise' } satisfies Record<Purpose, string>,
  courseLevel: { basic: 'Basic', advanced: 'Advanced', instructor: 'Instructor', master: 'Master instructor' } satisfies Record<CourseLevel, string>,
  offeringStatus: { scheduled: 'Scheduled', closed: 'Closed', cancelled: 'Cancelled' } satisfies Record<OfferingStatus, string>,
  certificationStatus: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
  vettingStatus: { pending: 'Pending', cleared: 'Cleared', denied: 'Denied', suspended: 'Suspended' } satisfies Record<VettingStatus, string>,
  cascadeTable: { generation: 'By generation', country: 'By country', year: 'By year' },
} as const;

export type CodeSet = keyof typeof EN;
export type LabelLocale = 'en';

const LABELS: Record<LabelLocale, Record<CodeSet, Readonly<Record<string, string>>>> = { en: EN };

/** A code's label in a code set; a code with no label (one retired from the set) reads as itself. */
export function codeLabel(set: CodeSet, code: string, locale: LabelLocale = 'en'): string {
  return LABELS[locale][set][code] ?? code;
}

const regionNames: Partial<Record<LabelLocale, Intl.DisplayNames>> = {};

/** A country's name from its ISO 3166 code ("HT" → "Haiti"), from the platform's own data. */
export function countryName(code: string, locale: LabelLocale = 'en'): string {
  regionNames[locale] ??= new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  try {
    return regionNames[locale].of(code) ?? code;
  } catch {
    // A code Intl rejects (not two letters) is shown as stored rather than failing the export.
    return code;
  }
}

/** Yes or No, as people read a boolean. */
export function yesNo(value: boolean, _locale: LabelLocale = 'en'): string {
  return value ? 'Yes' : 'No';
}
