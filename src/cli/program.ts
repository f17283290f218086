import { Command, CommanderError } from 'commander';
import { CancelledError, DiagnosticsError, formatDiagnostic, UsageError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { guardOutput, quote, sanitize, visible } from '../util/sanitize.js';
import { registerRecommend } from './commands/recommend.js';
import { terminalWidth, type Io, type RunState } from './io.js';
import { wrap } from '../render/style.js';
import { TOOL } from '../tool.js';


type Register = (program: Command, io: Io, state: RunState) => void;

/**
 * Every command, in the order help lists them, by the names its module registers (a test holds
 * the names to the program). Only recommend, the default, is part of the start-up bundle; a
 * run loads and builds just the command it invokes.
 */
export const COMMANDS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Register> }> = [
  { names: ['recommend'], load: async () => registerRecommend },
  { names: ['compare', 'explain'], load: async () => (await import('./commands/families.js')).registerFamilies },
  { names: ['use-cases'], load: async () => (await import('./commands/use-cases.js')).registerUseCases },
  { names: ['models'], load: async () => (await import('./commands/models.js')).registerModels },
  { names: ['knowledge'], load: async () => (await import('./commands/knowledge.js')).registerKnowledge },
  { names: ['checklist'], load: async () => (await import('./commands/checklist.js')).registerChecklist },
  { names: ['check'], load: async () => (await import('./commands/check.js')).registerCheck },
  { names: ['init'], load: async () => (await import('./commands/init.js')).registerInit },
  { names: ['mcp'], load: async () => (await import('./commands/mcp.js')).registerMcp },
];

/** The program with every command, or only with `only` (the others are not even loaded). */
export async function buildProgram(io: Io, state: RunState, only: ReadonlyArray<(typeof COMMANDS)[number]> = COMMANDS): Promise<Command> {
  const registers = await Promise.all(only.map((c) => c.load()));
  const program = new Command('genai-advisor')
    .description('Choose a generative-AI model family for your use case, and get the governance checklist to deploy it responsibly.')
    .version(TOOL.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // At 60 columns the descriptions beside the long flags have about 30; commander would stop wrapping below 40.
    .configureHelp({ minWidthToWrap: 24 })
    .configureOutput({
      // Commander wraps its own columns to the help width; the examples and notes added after
      // them are wrapped here, so no help line runs past the terminal.
      writeOut: (text) => io.stdout.write(fitLines(text, terminalWidth(io))),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => terminalWidth(io),
      getErrHelpWidth: () => terminalWidth(io),
      // commander puts its suggestion on a line of its own; keep it with the problem, so the
      // second line is free for the hint. Arguments are echoed: strip escapes from them.
      // An argument holding a newline is echoed in the message: the whole message is one line.
      outputError: (text, write) => write(guardOutput(`${visible(text.replace(/\n\(Did you mean (.+)\?\)\n$/, '. Did you mean $1?\n').replace(/^(error: unknown option '-v')\n/, '$1. Did you mean -V (--version)?\n').replace(/\n$/, ''))}\n`, { colour: false })),
    })
    .exitOverride();
  for (const register of registers) register(program, io, state);
  addUsageHints(program);
  program.addHelpText('after', () =>
    [
      '',
      'With no command, genai-advisor runs `recommend`: in a terminal it asks what it needs to know; `genai-advisor recommend --help` lists the flags that answer each question.',
      '',
      'Exit codes: 0 ok, 1 check found violations, 2 usage or input error, 130 cancelled.',
    ]
      .map((paragraph) => wrap(paragraph, terminalWidth(io)))
      .join('\n'),
  );
  return program;
}

/** Each line longer than `width` wrapped at spaces, its continuation indented two more than the line. */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = /^ */.exec(line)![0];
      const rest = indent === '' ? '' : `${indent}  `;
      return wrap(line.slice(indent.length), Math.max(20, width - rest.length))
        .split('\n')
        .map((part, i) => (i === 0 ? indent : rest) + part)
        .join('\n');
    })
    .join('\n');
}

/**
 * The commands a run needs: the one named first, or recommend (the default) when the first
 * word is an option. Root help, the help command and an unknown word (its error lists every
 * command) need them all.
 */
function commandsFor(argv: readonly string[]): ReadonlyArray<(typeof COMMANDS)[number]> {
  const word = argv[0];
  if (word === undefined || word.startsWith('-')) {
    const end = argv.indexOf('--');
    const help = (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
    return help ? COMMANDS : [COMMANDS[0]!];
  }
  const named = COMMANDS.find((c) => c.names.includes(word));
  return named ? [named] : COMMANDS;
}

/** Every command's usage errors end with one line pointing at its own help. */
function addUsageHints(command: Command, path = command.name()): void {
  command.showHelpAfterError(`see \`${path} --help\``);
  for (const sub of command.commands) addUsageHints(sub, `${path} ${sub.name()}`);
}

function isCancellation(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return error instanceof CancelledError || name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** How many of a file's problems an error lists. */
const MAX_PROBLEMS_LISTED = 100;

/** Maps any failure to the contract's exit codes and a short message: no stack trace unless DEBUG. */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help shown because a subcommand is missing (`genai-advisor knowledge`) carries exitCode 1: a usage error.
    return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) && error.exitCode === 0 ? 0 : 2;
  }
  if (isCancellation(error)) {
    io.stderr.write('Cancelled\n');
    return 130;
  }
  // Messages quote user files and arguments: each problem is kept to one line of its own, so
  // no quoted value can start a line (a CI log would run `::error …` or `::add-mask::` there).
  if (error instanceof UsageError) {
    const all = error instanceof DiagnosticsError ? error.diagnostics.map(formatDiagnostic) : [error.message];
    // A file with a problem on each of 10,000 lines needs its first ones fixed, not all listed.
    const problems = all.length > MAX_PROBLEMS_LISTED ? [...all.slice(0, MAX_PROBLEMS_LISTED), `… and ${all.length - MAX_PROBLEMS_LISTED} more problems`] : all;
    const lines = problems.map(visible);
    lines[0] = `error: ${lines[0]}`;
    if (error.hint) lines.push(visible(error.hint));
    io.stderr.write(guardOutput(`${lines.join('\n')}\n`));
    return 2;
  }
  const debug = (io.env.DEBUG ?? '') !== '';
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(guardOutput(`genai-advisor: internal error: ${visible(message.split('\n')[0]!)}\n`));
  io.stderr.write(debug && error instanceof Error && error.stack ? guardOutput(`${sanitize(error.stack)}\n`) : 'rerun with DEBUG=1 for the stack trace, and please report it\n');
  return 2;
}

/**
 * With a default command, commander hands a mistyped command to it ("too many arguments for
 * 'recommend'"); name the mistake instead. The default command takes no arguments, so a
 * leading word is always meant as a command.
 */
function checkCommandName(program: Command, argv: readonly string[]): void {
  const word = argv[0];
  if (word === undefined) return;
  if (word.startsWith('-')) return checkCommandAfterOptions(program, argv);
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === 'help') return;
  throw new UsageError(`unknown command ${quote(word)}.${didYouMean(word, names)}`, `commands: ${names.join(', ')} (recommend is the default)`);
}

/**
 * `--knowledge team.yaml explain diffusion` runs recommend, which takes no arguments; say that
 * the command goes first rather than "too many arguments for 'recommend'".
 */
function checkCommandAfterOptions(program: Command, argv: readonly string[]): void {
  const takesValue = flags(program.commands.filter((c) => c.name() === 'recommend'), true);
  const end = argv.indexOf('--');
  for (let i = 1; i < (end === -1 ? argv.length : end); i++) {
    const word = argv[i]!;
    if (word.startsWith('-') || takesValue.has(argv[i - 1]!) || !COMMANDS.some((c) => c.names.includes(word) && word !== 'recommend')) continue;
    const rest = [...argv.slice(i + 1), ...argv.slice(0, i)];
    throw new UsageError(`${quote(word)} is a command: it goes before the options`, `genai-advisor ${[word, ...rest].join(' ')}`);
  }
}

/** The long and short flags of these commands' options (and their subcommands'), that take a value or not. */
function flags(commands: readonly Command[], takingValue: boolean): Set<string> {
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  const options = commands.flatMap(all).flatMap((c) => c.options.filter((o) => (o.required || o.optional) === takingValue));
  return new Set(options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)));
}

const BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|y|n|0|1)$/i;

/**
 * `--sensitive-data no` would otherwise surface as "too many arguments", and
 * `--sensitive-data=no` as an unknown option: a switch takes no value, and its negation says no.
 */
async function checkSwitchValues(program: Command, argv: readonly string[], io: Io): Promise<void> {
  const end = argv.indexOf('--');
  const last = end === -1 ? argv.length : end;
  // `--format=json` is how values may be written: only a flag the running command does not
  // take a value for is suspect, and most runs have none.
  const takesValue = flags([program], true);
  const suspects: Array<{ flag: string; written: string }> = [];
  for (let i = 0; i < last; i++) {
    const arg = argv[i]!;
    const joined = /^(--[^=]+)=/.exec(arg);
    if (joined && !takesValue.has(joined[1]!)) suspects.push({ flag: joined[1]!, written: arg });
    else if (!joined && i > 0 && argv[i - 1]!.startsWith('--') && BOOLEAN_WORDS.test(arg)) suspects.push({ flag: argv[i - 1]!, written: arg });
  }
  if (suspects.length === 0) return;
  // Every command's switches count, as when all are built, whichever command runs.
  const all = program.commands.length < COMMANDS.reduce((n, c) => n + c.names.length, 0) ? await buildProgram(io, { exitCode: 0 }) : program;
  const switches = flags([all], false);
  for (const { flag, written } of suspects) {
    if (!switches.has(flag)) continue;
    const yes = flag.replace(/^--no-/, '--');
    const no = `--no-${yes.slice(2)}`;
    const hint = switches.has(yes) && switches.has(no) ? `write ${yes} for yes and ${no} for no` : `write ${flag} alone, without a value`;
    throw new UsageError(`${flag} takes no value, so ${quote(written)} is out of place`, hint);
  }
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const state: RunState = { exitCode: 0 };
  try {
    const program = await buildProgram(io, state, commandsFor(argv));
    checkCommandName(program, argv);
    await checkSwitchValues(program, argv, io);
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}
