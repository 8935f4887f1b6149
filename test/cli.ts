import type { Command } from 'commander';
import { buildProgram, describeCliError } from '../src/cli/program.js';

/**
 * Runs `cadre <args>` in this process, as the binary would, and answers what it printed and its
 * exit code; a refusal is described as the binary describes it.
 */
export async function runCadre(args: string[], options: { env?: Record<string, string | undefined>; stdin?: string } = {}) {
  const lines: string[] = [];
  let exitCode = 0;
  const program = buildProgram(
    {
      env: options.env ?? {},
      out: (line) => lines.push(line),
      readStdin: async () => options.stdin ?? '',
      setExitCode: (code) => {
        exitCode = code;
      },
    },
    'test',
  );
  const capture = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (s) => lines.push(s.trim()), writeErr: (s) => lines.push(s.trim()) });
    command.commands.forEach(capture);
  };
  capture(program);
  try {
    await program.parseAsync(['node', 'cadre', ...args]);
  } catch (error) {
    const described = describeCliError(error);
    lines.push(described.message);
    exitCode = (error as { exitCode?: number }).exitCode ?? described.code;
  }
  return { output: lines.join('\n'), exitCode };
}
