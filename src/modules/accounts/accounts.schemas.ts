import { ADDRESS_PROBLEMS } from '../../platform/public-address.js';
import { z } from 'zod';
import { ROLES } from '../../platform/access.js';
import { RESOURCES } from '../capabilities.js';
import { idSchema, instantSchema, lineSchema, pageQuerySchema } from '../../platform/schemas.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { accountsText } from './accounts.messages.js';
import { textIssue } from '../../platform/i18n/issue-text.js';
import type { Text } from '../../platform/i18n/messages.js';

const isRole = (role: string): role is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(role);

const localeSchema = z.enum(LOCALES);

export const roleSchema = z.enum(ROLES);

const emailSchema = z
  .email({ message: 'must be an email address' })
  .max(254, 'must be at most 254 characters')
  .transform((value) => value.toLowerCase());

/**
 * NIST SP 800-63B rev. 4: at least 15 characters for a single-factor password, at least 64
 * accepted, no composition rules; only a list of passwords known to be bad is refused.
 */
export const passwordSchema = z
  .string()
  .min(15, 'must be at least 15 characters')
  .max(256, 'must be at most 256 characters')
  .refine((value) => new Set(value).size > 3, { message: 'is too predictable: use more different characters' })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), {
    message: 'is on the list of commonly used passwords',
  });

const COMMON_PASSWORDS = new Set([
  '123456789012345',
  '1234567890123456',
  'passwordpassword',
  'password12345678',
  'qwertyuiopasdfgh',
  'qwertyuiopasdfghjkl',
  'iloveyouiloveyou',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  'administrator123',
  'cadrecadrecadre',
]);

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    organizationId: z.string().nullable(),
    personId: z.string().nullable(),
    isDisabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: instantSchema.nullable(),
    locale: localeSchema.nullable().describe('The language the user reads Cadre in (pages, problems, mail); null follows the browser.'),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export interface Binding {
  role: string;
  organizationId?: string | null | undefined;
  personId?: string | null | undefined;
}

/** A coordinator is bound to an organization and an instructor to a person; nobody else is bound. */
export function bindingProblems({ role, organizationId, personId }: Binding): { field: 'organizationId' | 'personId'; message: Text }[] {
  const problems: { field: 'organizationId' | 'personId'; message: Text }[] = [];
  const mustBeEmpty = () => accountsText('binding.mustBeEmpty', { role: isRole(role) ? accountsText(`role.${role}`) : role });
  if (role === 'coordinator' && !organizationId) problems.push({ field: 'organizationId', message: accountsText('binding.organizationRequired') });
  if (role === 'instructor' && !personId) problems.push({ field: 'personId', message: accountsText('binding.personRequired') });
  if (role !== 'coordinator' && role !== 'instructor' && organizationId) problems.push({ field: 'organizationId', message: mustBeEmpty() });
  if (role !== 'instructor' && personId) problems.push({ field: 'personId', message: mustBeEmpty() });
  return problems;
}

export const createUserSchema = z
  .strictObject({
    email: emailSchema,
    name: lineSchema(120),
    role: roleSchema,
    organizationId: idSchema.nullish(),
    personId: idSchema.nullish(),
    password: passwordSchema
      .optional()
      .describe('Leave out to have Cadre generate a one-time password, which must be changed at first sign-in.'),
  })
  .superRefine((value, ctx) => {
    for (const problem of bindingProblems(value)) ctx.addIssue({ code: 'custom', path: [problem.field], ...textIssue(problem.message) });
  })
  .meta({ id: 'CreateUser' });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: lineSchema(120),
    role: roleSchema,
    organizationId: idSchema.nullable(),
    personId: idSchema.nullable(),
    isDisabled: z.boolean(),
  })
  .partial()
  .meta({ id: 'UpdateUser' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createdUserSchema = z.object({
  user: userSchema,
  oneTimePassword: z
    .string()
    .nullable()
    .describe('Shown once, when Cadre generated it; the user must change it at first sign-in.'),
});

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(256),
  newPassword: passwordSchema,
});

export const updateMeSchema = z.strictObject({
  locale: localeSchema.nullable().describe('en, es, fr, pt or ht; null to follow the browser’s language.'),
});
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const meSchema = z
  .object({
    user: userSchema,
    csrfToken: z
      .string()
      .nullable()
      .describe('Send as the X-CSRF-Token header on every write made with the session cookie.'),
    authenticatedBy: z.enum(['session', 'token']),
    mustEnrolSecondFactor: z
      .boolean()
      .describe('Your role requires a second factor and you have none: enrol one (GET /api/account/security) before anything else.'),
    capabilities: z
      .record(z.string(), z.array(z.string()))
      .describe('For each kind of record, the actions your role may take at all (`read`, `create`, …); each record lists what you may do to it in `allowedActions`.'),
    publicAddress: z
      .object({ url: z.string(), isPublic: z.boolean(), problem: z.enum(ADDRESS_PROBLEMS).nullable().describe('unset, not_a_url, loopback (this machine only) or not_https; null when public.') })
      .describe('The address certificates and credentials point to (CADRE_PUBLIC_URL), and whether the public can reach it; issuing asks for confirmation while it is not public.'),
  })
  .meta({ id: 'Me' });

export const TOKEN_LIFETIME_DAYS = { default: 90, max: 365 } as const;

export const tokenAccessSchema = z
  .enum(['read', 'write'])
  .describe('read: GET only; write: also changes, within your role. Neither manages tokens, passwords or users.');

export const tokenAreaSchema = z.enum(RESOURCES as [string, ...string[]]);

export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it.'),
    access: tokenAccessSchema,
    areas: z.array(z.string()).nullable().describe('The kinds of record the token reaches; null for all your role reaches.'),
    createdAt: instantSchema,
    expiresAt: instantSchema,
    lastUsedAt: instantSchema.nullable(),
    lastUsedIp: z.string().nullable(),
    lastUsedUserAgent: z.string().nullable(),
    revokedAt: instantSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenSchema = z.strictObject({
  name: lineSchema(100),
  access: tokenAccessSchema.default('read'),
  areas: z
    .array(tokenAreaSchema)
    .min(1, 'must name at least one area, or be left out for all')
    .max(RESOURCES.length)
    .nullish()
    .describe('Limit the token to these kinds of record; leave out for every kind your role reaches.'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(TOKEN_LIFETIME_DAYS.max)
    .default(TOKEN_LIFETIME_DAYS.default)
    .describe(`Every token expires: ${TOKEN_LIFETIME_DAYS.default} days unless told, ${TOKEN_LIFETIME_DAYS.max} at most.`),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('Shown once: send it as `Authorization: Bearer <secret>`.'),
});

export const sessionSchema = z
  .object({
    id: z.string().describe('Names the session for ending it; not its secret.'),
    createdAt: instantSchema,
    lastUsedAt: instantSchema,
    expiresAt: instantSchema,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    isCurrent: z.boolean().describe('The session this request came with.'),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const sessionIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'must be a session id from the list of sessions');

export const userCredentialsSchema = z
  .object({ sessions: z.array(sessionSchema), tokens: z.array(apiTokenSchema) })
  .meta({ id: 'UserCredentials' });
export type UserCredentials = z.infer<typeof userCredentialsSchema>;
