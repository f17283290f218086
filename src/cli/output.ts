import { writeAtomic } from './files.js';
import type { Io } from './io.js';

/** Sends a command's result to stdout, or atomically to --output. */
export function emit(text: string, options: { output?: string }, io: Io): void {
  if (options.output) {
    writeAtomic(options.output, text, io.cwd);
    io.stderr.write(`Wrote ${options.output}\n`);
  } else {
    io.stdout.write(text);
  }
}
