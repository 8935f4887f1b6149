import 'i18next';
import type shell from './locales/en/shell.json';
import type labels from './locales/en/labels.json';
import type auth from './locales/en/auth.json';
import type security from './locales/en/security.json';
import type admin from './locales/en/admin.json';
import type dashboard from './locales/en/dashboard.json';
import type reports from './locales/en/reports.json';
import type organizations from './locales/en/organizations.json';
import type partnerships from './locales/en/partnerships.json';
import type engagements from './locales/en/engagements.json';
import type people from './locales/en/people.json';
import type deployments from './locales/en/deployments.json';
import type training from './locales/en/training.json';
import type offerings from './locales/en/offerings.json';
import type certifications from './locales/en/certifications.json';
import type imports from './locales/en/imports.json';
import type vetting from './locales/en/vetting.json';
import type { NAMESPACES } from './locales/namespaces';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    // Every key is reached from the default namespace (see i18n.ts), so `t('auth.signIn')` is typed.
    fallbackNS: typeof NAMESPACES;
    resources: {
      shell: typeof shell;
      labels: typeof labels;
      auth: typeof auth;
      security: typeof security;
      admin: typeof admin;
      dashboard: typeof dashboard;
      reports: typeof reports;
      organizations: typeof organizations;
      partnerships: typeof partnerships;
      engagements: typeof engagements;
      people: typeof people;
      deployments: typeof deployments;
      training: typeof training;
      offerings: typeof offerings;
      certifications: typeof certifications;
      imports: typeof imports;
      vetting: typeof vetting;
    };
  }
}
