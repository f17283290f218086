import { Command, CommanderError } from 'commander';
import { CancelledError, UsageError } from '../errors.js';
import { registerChecklist } from './commands/checklist.js';
import { registerFamilies } from './commands/families.js';
import { registerRecommend } from './commands/recommend.js';
import { registerUseCases } from './commands/use-cases.js';
import type { Io } from './io.js';
import { TOOL } from './tool.js';

/** Shared between the shell and commands that decide their own exit code (check). */
export interface RunState {
  exitCode: number;
}

export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('genai-advisor')
    .description('Choose a generative-AI model family for your use case, and get the governance checklist to deploy it responsibly.')
    .version(TOOL.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  registerRecommend(program, io);
  registerFamilies(program, io);
  registerUseCases(program, io);
  registerChecklist(program, io);
  void state;
  program.addHelpText(
    'after',
    '\nWith no command, genai-advisor runs `recommend`: in a terminal it asks what it needs to know;\n`genai-advisor recommend --help` lists the flags that answer each question.\n\nExit codes: 0 ok, 1 check found violations, 2 usage or input error, 130 cancelled.',
  );
  return program;
}

function isCancellation(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return error instanceof CancelledError || name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** Maps any failure to the contract's exit codes and a short message: no stack trace unless DEBUG. */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
  }
  if (isCancellation(error)) {
    io.stderr.write('Cancelled\n');
    return 130;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 2;
  }
  const debug = (io.env.DEBUG ?? '') !== '';
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`genai-advisor: internal error: ${message}\n`);
  io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : 'rerun with DEBUG=1 for the stack trace, and please report it\n');
  return 2;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const state: RunState = { exitCode: 0 };
  try {
    await buildProgram(io, state).parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}
