import { appendFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { readUserFile } from '../files.js';
import { styleFor, type Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { assertRunFiles, emit } from '../output.js';
import type { RunState } from '../program.js';
import { TOOL } from '../tool.js';
import { guardOutput, visible } from '../../util/sanitize.js';

// `table` and `yaml` are the contract's common formats: for check, `table` is the text report.
export const CHECK_FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'markdown', 'yaml', 'table'] as const;
export const DEFAULT_STACK_FILE = 'genai-stack.yaml';

interface CheckOptions {
  format: (typeof CHECK_FORMATS)[number];
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
    assertRunFiles(options, io, { inputs: [{ what: 'stack file', path: file }] });
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const text = readStackFile(file, io);
    const { localDate } = await import('../../check/dates.js');
    const name = file.split(sep).join('/');
    const checkOptions = { today: localDate(new Date()), strict: options.strict === true };
    // The full path pauses between chunks of use cases, so that SIGINT or SIGTERM stop it promptly.
    const pause = () => new Promise<void>((done) => setImmediate(done));
    const result = await (await import('../../check/index.js')).fullCheckStackInChunks(knowledge, text, name, checkOptions, pause);
    let output: string;
    switch (options.format) {
      case 'json':
        output = (await import('../../render/check-json.js')).renderCheckJson(result, TOOL);
        break;
      case 'junit':
        output = (await import('../../render/check-junit.js')).renderCheckJunit(result);
        break;
      case 'sarif':
        output = (await import('../../render/check-sarif.js')).renderCheckSarif(result, TOOL, { uri: repositoryPath(file, io) });
        break;
      case 'github':
        output = (await import('../../render/check-github.js')).renderCheckGithub(result, { file: repositoryPath(file, io) });
        break;
      case 'markdown':
        output = (await import('../../render/check-markdown.js')).renderCheckMarkdown(result);
        break;
      case 'yaml': {
        const [{ checkDocument }, { renderYaml }] = await Promise.all([import('../../render/check-json.js'), import('../../render/yaml.js')]);
        output = renderYaml(checkDocument(result, TOOL));
        break;
      }
      default:
        output = (await import('../../render/check-text.js')).renderCheckText(result, styleFor(io, options.color && !options.output));
    }
    emit(output, options, io, [file]);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (options.format === 'github' && summary) {
      try {
        appendFileSync(summary, guardOutput(`${(await import('../../render/check-markdown.js')).renderCheckMarkdown(result)}\n`));
      } catch (error) {
        io.stderr.write(guardOutput(`warning: cannot append the job summary to ${visible(summary)}: ${visible((error as Error).message)}\n`));
      }
    }
    state.exitCode = result.ok ? 0 : 1;
  });
}
