import { removeTemporaryFiles } from './files.js';
import { processIo } from './io.js';
import { run } from './program.js';

// A handled signal waits for the synchronous write in progress, so a file is either complete
// or untouched; then no temporary file may stay behind. SIGTERM and SIGHUP (a CI timeout, a
// closed terminal) would otherwise kill the process mid-write.
process.on('SIGINT', () => {
  removeTemporaryFiles();
  // A prompt may be drawn below the cursor: clear it, or "Cancelled" lands inside its lines.
  process.stderr.write(`\n${process.stderr.isTTY ? '\u001b[0J' : ''}Cancelled\n`);
  process.exit(130);
});
for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    removeTemporaryFiles();
    process.exit(code);
  });
}

// run() never rejects: every failure becomes an exit code.
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
