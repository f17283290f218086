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
    isolate: false,
  },
});
