import { appendFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { readUserFile } from '../files.js';
import type { Io, RunState } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { emit, renderContext } from '../output.js';
import { CHECK_RENDERERS, render } from '../../render/formats.js';
import { checkStack } from '../../check/index.js';
import { DEFAULT_STACK_FILE } from '../../check/schema.js';
import { localDate } from '../../check/dates.js';

export const CHECK_FORMATS = Object.keys(CHECK_RENDERERS);

interface CheckOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  strict?: boolean;
}

function findRepositoryRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The path code scanning and annotations need: relative to the repository (GITHUB_WORKSPACE in
 * Actions, else the folder holding .git, else the current folder), with forward slashes.
 */
export function repositoryPath(file: string, io: Io): string {
  const full = resolve(io.cwd, file);
  const workspace = io.env.GITHUB_WORKSPACE ? resolve(io.env.GITHUB_WORKSPACE) : undefined;
  const inside = (root: string) => !relative(root, full).startsWith('..') && !isAbsolute(relative(root, full));
  const root = workspace && inside(workspace) ? workspace : (findRepositoryRoot(dirname(full)) ?? io.cwd);
  const path = inside(root) ? relative(root, full) : file;
  return path.split(sep).join('/');
}

function readStackFile(file: string, io: Io): string {
  if (!existsSync(resolve(io.cwd, file))) {
    throw new UsageError(`stack file ${file} does not exist`, 'create one with `genai-advisor init`, or name it: genai-advisor check <stack-file>');
  }
  return readUserFile(file, 'stack file', io.cwd);
}

export function registerCheck(program: Command, io: Io, state: RunState): void {
  const command = program
    .command('check')
    .argument('[stack-file]', 'the stack file to check', DEFAULT_STACK_FILE)
    .description('CI: check the choices declared in a stack file against the advisor and its policy (exit 1 on violations)')
    .option('--strict', 'warnings fail the check too')
    .addHelpText(
      'after',
      '\nExamples:\n  $ genai-advisor check\n  $ genai-advisor check genai-stack.yaml --format sarif --output genai-advisor.sarif\n\nExit codes: 0 no violations, 1 violations found, 2 the file cannot be checked.',
    );
  addKnowledgeOption(command);
  addOutputOptions(command, CHECK_FORMATS);
  acceptPromptOptions(command);
  command.action(async (file: string, options: CheckOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const text = readStackFile(file, io);
    const name = file.split(sep).join('/');
    const result = checkStack(knowledge, text, name, { today: localDate(io.now?.() ?? new Date()), strict: options.strict === true });
    const output = await render(CHECK_RENDERERS, options.format, { result, path: repositoryPath(file, io) }, renderContext(io, options));
    emit(output, options, io, [file]);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (options.format === 'github' && summary) {
      try {
        appendFileSync(summary, await render(CHECK_RENDERERS, 'markdown', { result, path: repositoryPath(file, io) }, renderContext(io, options)));
      } catch (error) {
        io.stderr.write(`warning: cannot append the job summary to ${summary}: ${(error as Error).message}\n`);
      }
    }
    state.exitCode = result.ok ? 0 : 1;
  });
}
