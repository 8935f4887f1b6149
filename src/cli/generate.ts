import { generateProgram, ProgramPresentError, type Scale } from '../generate/index.js';
import { withRuntime } from './runtime.js';

export interface GenerateCliOptions {
  scale: Scale;
  seed?: string | undefined;
  replace?: boolean | undefined;
}

/** A progress line per area and step: a terminal redraws one line, a log gets each. */
function progressLine(write: (text: string) => void, isTty: boolean) {
  let lastArea = '';
  return (area: string, done: number, total: number) => {
    const line = `  … ${area}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows`;
    if (isTty) write(`${area === lastArea ? '\r' : '\n'}${line}`);
    else write(`${line}\n`);
    lastArea = area;
  };
}

/** `cadre generate`: a synthetic program at a scale, for benchmarks and tests at size. */
export async function generate(
  env: Record<string, string | undefined>,
  options: GenerateCliOptions,
  io: { out: (line: string) => void; progress?: ((text: string) => void) | undefined; isTty?: boolean | undefined },
): Promise<void> {
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new GenerateError(`--seed must be a whole number, not "${options.seed}".`);
  await withRuntime(env, async (runtime) => {
    try {
      const report = await generateProgram(runtime.database, { scale: options.scale, seed, replace: options.replace === true, progress: progressLine(io.progress ?? (() => undefined), io.isTty === true) });
      if (io.isTty) io.progress?.('\n');
      io.out(
        `Generated a ${report.scale} program (seed ${report.seed}) in ${(report.milliseconds / 1000).toFixed(1)} s on ${runtime.database.description}: ` +
          `${report.organizations} organizations, ${report.people} people, ${report.offerings} offerings, ${report.enrollments} enrollments, ${report.certifications} certifications, ${report.deployments} deployments.`,
      );
    } catch (error) {
      if (error instanceof ProgramPresentError) {
        throw new GenerateError(`${error.message} Generate into an empty database, or pass --replace to delete that program first (user accounts stay).`);
      }
      throw error;
    }
  });
}

/** A refusal of `cadre generate`, told as it is. */
export class GenerateError extends Error {}
