import { writeSync } from 'node:fs';
import { removeTemporaryFiles, writeProgress } from './files.js';
import { processIo } from './io.js';
import { run } from './program.js';
import { visible } from '../util/sanitize.js';

/** The run's exit code once it has finished; a signal after that changes nothing. */
let finished: number | undefined;

/**
 * A signal stops the run, unless its work is done: a change already written (and reported)
 * is a success, never "Cancelled". Writes are synchronous, so a handler runs before a write
 * or after it, never during one; a temporary file cannot be left behind.
 */
function stop(code: number, interrupted: boolean): void {
  removeTemporaryFiles();
  // A prompt hides the cursor while it is drawn, and its own clean-up never runs when the
  // process exits from here: show the cursor again on the terminal it was drawn on.
  const dumb = process.env.TERM === 'dumb';
  if (process.stdout.isTTY && !dumb) writeSync(1, '\u001b[?25h');
  const progress = writeProgress();
  if (finished !== undefined) process.exit(finished);
  if (progress.done) process.exit(0);
  // A prompt may be drawn below the cursor: clear it, or the message lands inside its lines.
  const clear = process.stderr.isTTY && !dumb ? '\u001b[0J\u001b[?25h' : '';
  const note = progress.written.length > 0 ? `Stopped after writing ${progress.written.map(visible).join(', ')}; nothing else was written` : interrupted ? 'Cancelled' : '';
  process.stderr.write(`${interrupted || note ? '\n' : ''}${clear}${note}${note ? '\n' : ''}`);
  process.exit(code);
}

process.on('SIGINT', () => stop(130, true));
for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) process.on(signal, () => stop(code, false));

// run() never rejects: every failure becomes an exit code.
void run(process.argv.slice(2), processIo()).then((code) => {
  finished = code;
  process.exitCode = code;
});
