/** Runs the CLI in-process for the catalogue tests (not a test file itself). */
import { runInProcess, type RunResult } from '../helpers/run.js';

export type { RunResult };

/** `genai-advisor <argv>` in `cwd`, with no terminal (no colour, no prompts, 80 columns). */
export const cli = (argv: string[], cwd = process.cwd()): Promise<RunResult> => runInProcess(argv, { cwd });
