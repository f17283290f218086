import { UsageError } from '../errors.js';
import { isCalendarDate, localDate } from './dates.js';
import { quote } from './sanitize.js';

/** The environment variable that sets --as-of for every run, so that a CI job is reproducible. */
export const AS_OF_ENV = 'GENAI_ADVISOR_AS_OF';

/** What "today" is read from: a door's environment and clock (the CLI's Io, the MCP server's options). */
export interface TodaySource {
  env: NodeJS.ProcessEnv;
  /** The clock; without it, the system clock. */
  now?: () => Date;
}

/**
 * "Today" for this run: the date asked for (--as-of, the MCP `as_of` argument), else the
 * variable, else the local calendar date of the clock. Only the doors call it, once per run or
 * tool call; the core takes "today" as an input and never reads a clock.
 */
export function todayOf(options: { asOf?: string }, source: TodaySource): string {
  if (options.asOf !== undefined) return options.asOf;
  const fromEnv = source.env[AS_OF_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isCalendarDate(fromEnv)) throw new UsageError(`${AS_OF_ENV}=${quote(fromEnv)} is not a calendar date`, `set it as YYYY-MM-DD, such as 2026-12-04, or unset it to use today's date`);
    return fromEnv;
  }
  return localDate(source.now?.() ?? new Date());
}
