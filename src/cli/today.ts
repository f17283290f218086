import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { quote } from '../util/sanitize.js';
import { isCalendarDate, localDate } from '../util/dates.js';
import type { Io } from './io.js';

/** The environment variable that sets --as-of for every run, so that a CI job is reproducible. */
export const AS_OF_ENV = 'GENAI_ADVISOR_AS_OF';

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('give a calendar date as YYYY-MM-DD, such as 2026-12-04.');
  return value;
}

/**
 * --as-of: model lifecycles, legal applies-from dates and due dates are judged as of this day.
 * The shell reads it (or the clock) once; the core takes "today" as an input and never reads a clock.
 */
export function addAsOfOption(command: Command): Command {
  return command.addOption(
    new Option('--as-of <date>', `judge dates (model shutdowns, laws that apply, due dates) as of this day instead of today; YYYY-MM-DD (env: ${AS_OF_ENV})`)
      .argParser(calendarDate),
  );
}

/**
 * "Today" for this run: --as-of, else its variable, else the local calendar date of io's clock.
 * The variable is read from io (not by commander from process.env), so in-process runs see theirs.
 */
export function todayOf(options: { asOf?: string }, io: Io): string {
  if (options.asOf !== undefined) return options.asOf;
  const fromEnv = io.env[AS_OF_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isCalendarDate(fromEnv)) throw new UsageError(`${AS_OF_ENV}=${quote(fromEnv)} is not a calendar date`, `set it as YYYY-MM-DD, such as 2026-12-04, or unset it to use today's date`);
    return fromEnv;
  }
  return localDate(io.now?.() ?? new Date());
}
