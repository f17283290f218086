/**
 * The GitHub Action (action.yml): `check` with the action's inputs, the job summary, an
 * optional SARIF file and the step's outputs. Built into one committed file (action/index.mjs)
 * that holds the CLI too, so the action runs from its own checkout with the runner's Node: no
 * npm, no network, and the version is the action's ref. The `version` input runs that
 * published release through npx instead.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { processIo } from '../cli/io.js';
import { run } from '../cli/program.js';
import { UsageError } from '../errors.js';
import { TOOL } from '../tool.js';
import { visible } from '../util/sanitize.js';
import { actionInputs, checkArgs, type ActionInputs } from './inputs.js';
import { npxLauncher } from './npx.js';
import { outputEntry } from './outputs.js';

/** The CLI could not be started or did not finish: its exit code says nothing about the stack. */
class StartError extends Error {}

type Runner = (args: string[], capture: boolean) => Promise<{ code: number; stdout: string }>;

/** The CLI bundled with this action, run in this process. */
const bundled: Runner = async (args, capture) => {
  const io = processIo();
  let stdout = '';
  if (capture) io.print = (text) => (stdout += text);
  return { code: await run(args, io), stdout };
};

/** The most telling line of a failed command's output: its first error, else its last line. */
function tellingLine(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return visible(lines.find((l) => /\berr(or)?\b/i.test(l)) ?? lines.at(-1) ?? 'no output');
}

/** A published release through npx, proven to start (`--version`) before its exit codes are believed. */
function throughNpx(version: string): Runner {
  const launcher = npxLauncher(process.platform, process.env.PATH, process.execPath, existsSync);
  const spec = `genai-advisor@${version}`;
  if (!launcher) throw new StartError(`cannot run ${spec}: npm's npx-cli.js was not found beside node or npx.cmd`);
  const spawn = (args: string[], stdio: 'pipe' | 'inherit', stderr: 'pipe' | 'inherit') =>
    spawnSync(launcher.command, [...launcher.prefix, '--yes', spec, ...args], { stdio: ['ignore', stdio, stderr], encoding: 'utf8', shell: false, maxBuffer: 1024 ** 3 });
  const probe = spawn(['--version'], 'pipe', 'pipe');
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : `exit ${probe.status ?? probe.signal}: ${tellingLine(`${probe.stderr}\n${probe.stdout}`)}`;
    throw new StartError(`cannot run ${spec} through npx (${why})`);
  }
  return async (args, capture) => {
    const result = spawn(args, capture ? 'pipe' : 'inherit', 'inherit');
    if (result.error || result.status === null) throw new StartError(`${spec} did not finish (${result.error?.message ?? result.signal})`);
    return { code: result.status, stdout: result.stdout ?? '' };
  };
}

function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, outputEntry(name, value));
}

/** A workflow command's data, escaped as the runner expects (@actions/core's escapeData). */
const commandData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

async function act(inputs: ActionInputs): Promise<number> {
  const cli = inputs.version !== undefined ? throughNpx(inputs.version) : bundled;
  // The report the log shows; `--format github` also appends the job summary itself.
  const main = await cli(checkArgs(inputs, inputs.format), false);
  // 2: nothing could be checked (the message is in the log); other reports would only repeat it.
  if (main.code !== 0 && main.code !== 1) return 2;

  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (inputs.format !== 'github' && summary) {
    const markdown = await cli(checkArgs(inputs, 'markdown'), true);
    if (markdown.code !== main.code) return 2;
    appendFileSync(summary, markdown.stdout);
  }

  if (inputs.sarifFile !== undefined) {
    const target = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs.sarifFile);
    // An old report must not be uploaded as this run's.
    rmSync(target, { force: true });
    const sarif = await cli(checkArgs(inputs, 'sarif', target), false);
    if (sarif.code !== main.code || !existsSync(target)) return 2;
    setOutput('sarif-file', target);
  }
  return main.code;
}

let code: number;
try {
  code = await act(actionInputs(process.env));
} catch (error) {
  const known = error instanceof StartError || error instanceof UsageError;
  const message = known ? error.message : `genai-advisor ${TOOL.version} crashed: ${visible(String((error as Error)?.message ?? error).split('\n')[0]!)}`;
  const hint = error instanceof UsageError && error.hint ? `: ${error.hint}` : '';
  process.stderr.write(`::error title=genai-advisor::${commandData(`${message}${hint}`)}\n`);
  code = 2;
}
setOutput('exit-code', String(code));
process.exitCode = code;
