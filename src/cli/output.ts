import type { RenderContext } from '../render/formats.js';
import { assertNotAnInput, writeAtomic } from './files.js';
import { styleFor, terminalWidth, type Io } from './io.js';
import { TOOL } from '../tool.js';

interface EmitOptions {
  output?: string;
  answers?: string;
  knowledge?: string[];
}

/** Sends a command's result to stdout, or atomically to --output (never over one of the run's inputs). */
export function emit(text: string, options: EmitOptions, io: Io, inputs: readonly string[] = []): void {
  if (options.output) {
    const all = [...inputs, ...(options.answers ? [options.answers] : []), ...(options.knowledge ?? [])];
    assertNotAnInput(options.output, all, io.cwd);
    writeAtomic(options.output, text, io.cwd);
    io.stderr.write(`Wrote ${options.output}\n`);
  } else if (io.print) {
    io.print(text);
  } else {
    io.stdout.write(text);
  }
}

/** Colour and the terminal's width for the terminal only; a file gets plain text 80 columns wide. */
export function renderContext(io: Io, options: { output?: string; color?: boolean; knowledge?: string[] }): RenderContext {
  const toFile = options.output !== undefined;
  return { tool: TOOL, style: styleFor(io, options.color !== false && !toFile), width: toFile ? 80 : terminalWidth(io), overlays: options.knowledge ?? [] };
}
