import { defineConfig } from 'vitest/config';
import SlowFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-string-width.ts'],
    // For in-process tests; the spawned end-to-end tests set their own (test/helpers/spawn.ts).
    testTimeout: 20_000,
    sequence: { sequencer: SlowFirst },
    pool: 'threads',
    // Vitest's default is one worker fewer than the cores: one, on the two-core CI machine. The
    // end-to-end files spend most of their time waiting on the processes they start, so two
    // workers overlap that wait with the in-process files.
    maxWorkers: 2,
    minWorkers: 1,
    isolate: false,
  },
});
