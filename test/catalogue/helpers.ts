/** Runs the CLI in-process for the catalogue tests (not a test file itself). */
import { runInProcess, type RunResult } from '../helpers/run.js';

export type { RunResult };

/** The catalogue's audit day: model statuses in these tests are judged as of it. */
export const AUDIT_DAY = '2026-12-04';

/** `genai-advisor <argv>` in `cwd`, with no terminal (no colour, no prompts, 80 columns), on the audit day. */
export const cli = (argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<RunResult> => runInProcess(argv, { cwd, env: { GENAI_ADVISOR_AS_OF: AUDIT_DAY, ...env } });
