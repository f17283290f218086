import { unlinkSync } from 'node:fs';
import { pendingTemporaryFiles } from './files.js';
import { processIo } from './io.js';
import { run } from './program.js';

// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.on('SIGINT', () => {
  for (const file of pendingTemporaryFiles()) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed or removed.
    }
  }
  process.stderr.write('\nCancelled\n');
  process.exit(130);
});

process.exitCode = await run(process.argv.slice(2), processIo());
