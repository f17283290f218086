import { appendFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../../errors.js';
import { readUserFile, realPathOf, somethingAt } from '../files.js';
import type { Io, RunState } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { assertRunFiles, emit, renderContext } from '../output.js';
import { CHECK_RENDERERS, render } from '../../render/formats.js';
import { checkStackInChunks } from '../../check/index.js';
import { DEFAULT_STACK_FILE } from '../../check/schema.js';
import { addAsOfOption, todayOf } from '../today.js';
import { warnIfStale } from '../catalogue-age.js';
import { guardOutput, visible } from '../../util/sanitize.js';

export const CHECK_FORMATS = Object.keys(CHECK_RENDERERS);

interface CheckOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  strict?: boolean;
  asOf?: string;
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

/**
 * The stack files the arguments name, as ESLint takes them: a path that exists is that file;
 * otherwise a glob, which must match at least one file. Each file once, in argument order
 * (a glob's matches sorted), so reports and exit codes do not depend on the file system.
 */
export function expandStackFiles(args: readonly string[], io: Io): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    // One file named twice (`./a.yaml` and `a.yaml`, or through a link) is checked once.
    const key = realPathOf(file, io.cwd);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const arg of args) {
    if (somethingAt(arg, io.cwd) || !isDynamicPattern(arg)) {
      add(arg);
      continue;
    }
    const matches = globSync(arg, { cwd: io.cwd, onlyFiles: true, expandDirectories: false }).sort();
    if (matches.length === 0) throw new UsageError(`no stack file matches ${arg}`, "check the pattern, and quote it ('services/*/genai-stack.yaml') so the shell does not expand it");
    matches.forEach(add);
  }
  return files;
}

function readStackFile(file: string, io: Io): string {
  if (!somethingAt(file, io.cwd)) {
    throw new UsageError(`stack file ${visible(file)} does not exist`, 'create one with `genai-advisor init`, or name it: genai-advisor check <stack-file>');
  }
  return readUserFile(file, 'stack file', io.cwd);
}

export function registerCheck(program: Command, io: Io, state: RunState): void {
  const command = program
    .command('check')
    .argument('[stack-files...]', 'the stack files or globs to check, with one combined report', [DEFAULT_STACK_FILE])
    .description('CI: check the choices declared in stack files against the advisor and its policy (exit 1 on violations)')
    .option('--strict', 'warnings fail the check too')
    .addHelpText(
      'after',
      '\nExamples:\n  $ genai-advisor check\n  $ genai-advisor check genai-stack.yaml --format sarif --output genai-advisor.sarif\n  $ genai-advisor check \'services/*/genai-stack.yaml\'\n\nExit codes: 0 no violations, 1 violations found, 2 a file cannot be checked.',
    );
  addKnowledgeOption(command);
  addAsOfOption(command);
  addOutputOptions(command, CHECK_FORMATS);
  acceptPromptOptions(command);
  command.action(async (args: string[], options: CheckOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const paths = expandStackFiles(args.length > 0 ? args : [DEFAULT_STACK_FILE], io);
    assertRunFiles(options, io, { inputs: paths.map((path) => ({ what: 'stack file', path })) });
    const checkOptions = { today: todayOf(options, io), strict: options.strict === true };
    // Every file is read and validated before anything is written: a file that cannot be
    // checked stops the run with exit 2, as it does for one file.
    // Long checks pause between chunks of use cases, so that SIGINT or SIGTERM stop them promptly.
    const pause = () => new Promise<void>((done) => setImmediate(done));
    const files = [];
    for (const file of paths) {
      const result = await checkStackInChunks(knowledge, readStackFile(file, io), file.split(sep).join('/'), checkOptions, pause);
      files.push({ result, path: repositoryPath(file, io) });
    }
    const output = await render(CHECK_RENDERERS, options.format, { files }, renderContext(io, options));
    emit(output, options, io, paths);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (options.format === 'github' && summary) {
      try {
        appendFileSync(summary, guardOutput(await render(CHECK_RENDERERS, 'markdown', { files }, renderContext(io, options))));
      } catch (error) {
        io.stderr.write(guardOutput(`warning: cannot append the job summary to ${visible(summary)}: ${visible((error as Error).message)}\n`));
      }
    }
    if (files.some((f) => f.result.findings.some((finding) => finding.rule === 'catalogue/stale'))) warnIfStale(knowledge, checkOptions.today, io);
    state.exitCode = files.every((f) => f.result.ok) ? 0 : 1;
  });
}
