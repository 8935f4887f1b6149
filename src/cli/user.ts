import { buildServices } from '../app.js';
import { createUserSchema } from '../modules/accounts/accounts.schemas.js';
import { systemContext } from '../platform/access.js';
import { invalid } from '../platform/errors.js';
import { withRuntime } from './runtime.js';

export interface UserCreateOptions {
  email: string;
  name: string;
  role: string;
  organization?: string | undefined;
  person?: string | undefined;
  password?: string | undefined;
}

/** The command-line option behind each field, for error messages. */
const OPTION_OF: Record<string, string> = { organizationId: 'organization', personId: 'person' };

export async function createUser(env: Record<string, string | undefined>, options: UserCreateOptions, out: (line: string) => void) {
  const parsed = createUserSchema.safeParse({
    email: options.email,
    name: options.name,
    role: options.role,
    organizationId: options.organization ?? null,
    personId: options.person ?? null,
    ...(options.password !== undefined && { password: options.password }),
  });
  if (!parsed.success) {
    throw invalid(
      'The user is not valid.',
      parsed.error.issues.map((issue) => ({ pointer: `--${OPTION_OF[String(issue.path[0])] ?? String(issue.path[0])}`, detail: issue.message })),
    );
  }
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    const { user, oneTimePassword } = await services.users.create(systemContext('cadre user create'), parsed.data);
    out(`Created ${user.role} ${user.email} (${user.id}).`);
    if (oneTimePassword) out(`One-time password (shown once; it must be changed at first sign-in): ${oneTimePassword}`);
  });
}
