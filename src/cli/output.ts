import { assertNotAnInput, writeAtomic } from './files.js';
import type { Io } from './io.js';

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
