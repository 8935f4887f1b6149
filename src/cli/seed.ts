import { buildServices } from '../app.js';
import { seedProgram2010 } from '../demo/program-2010.js';
import { systemContext } from '../platform/access.js';
import { withRuntime } from './runtime.js';

export async function seed(env: Record<string, string | undefined>, out: (line: string) => void) {
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    const report = await seedProgram2010(services, systemContext('cadre seed'), (step) => out(`  … ${step}`));
    out(
      report.isAlreadySeeded
        ? 'The 2010 demo program is already in this database; nothing was added.'
        : `Added the 2010 demo program: ${report.organizations} organizations, ${report.partnerships} partnerships, ${report.engagements} engagements, ${report.people} people, ${report.deployments} deployment, ${report.offerings} course offerings, ${report.certifications} certifications.`,
    );
  });
}
