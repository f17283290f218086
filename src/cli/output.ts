import type { RenderContext } from '../render/formats.js';
import { plain } from '../render/style.js';
import { TOOL } from '../tool.js';
import { guardOutput, visible } from '../util/sanitize.js';
import { assertSeparateFiles, assertWritable, writeAtomic, type RunFile } from './files.js';
import { styleFor, terminalWidth, type Io } from './io.js';

/** The file options any command may have. */
export interface FileOptions {
  output?: string;
  answers?: string;
  saveAnswers?: string;
  knowledge?: string[];
}

/**
 * Refuses a run whose outputs (--output, --save-answers, and `extra.outputs`, such as init's
 * stack file) would replace one of its inputs (--answers, --knowledge, `extra.inputs`) or each
 * other. Every command calls it before it writes anything.
 */
export function assertRunFiles(options: FileOptions, io: Io, extra: { inputs?: RunFile[]; outputs?: RunFile[] } = {}): void {
  const inputs: RunFile[] = [
    ...(extra.inputs ?? []),
    ...(options.answers ? [{ what: '--answers', path: options.answers }] : []),
    ...(options.knowledge ?? []).map((path) => ({ what: '--knowledge', path })),
  ];
  const outputs: RunFile[] = [
    ...(extra.outputs ?? []),
    ...(options.saveAnswers ? [{ what: '--save-answers', path: options.saveAnswers }] : []),
    ...(options.output ? [{ what: '--output', path: options.output }] : []),
  ];
  assertSeparateFiles(inputs, outputs, io.cwd);
  // A read-only file or a missing folder stops the run now, not after a consultation.
  for (const output of outputs) assertWritable(output.path, io.cwd);
}

/**
 * Sends a command's result to stdout, or atomically to --output (never over one of the run's
 * inputs). The text passes the last guard: no raw control character, no workflow command.
 */
export function emit(text: string, options: FileOptions & { format?: string }, io: Io, inputs: readonly string[] = []): void {
  const safe = guardOutput(text, { commands: options.format === 'github', colour: renderContext(io, options).style !== plain });
  if (options.output) {
    assertRunFiles(options, io, { inputs: inputs.map((path) => ({ what: 'input', path })) });
    writeAtomic(options.output, safe, io.cwd, { final: true });
    io.stderr.write(`Wrote ${visible(options.output)}\n`);
  } else if (io.print) {
    io.print(safe);
  } else {
    io.stdout.write(safe);
  }
}

/** Colour and the terminal's width for the terminal only; a file gets plain text 80 columns wide. */
export function renderContext(io: Io, options: { output?: string; color?: boolean; knowledge?: string[] }): RenderContext {
  const toFile = options.output !== undefined;
  return { tool: TOOL, style: styleFor(io, options.color !== false && !toFile), width: toFile ? 80 : terminalWidth(io), overlays: options.knowledge ?? [] };
}
