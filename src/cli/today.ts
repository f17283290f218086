import { InvalidArgumentError, Option, type Command } from 'commander';
import { isCalendarDate } from '../util/dates.js';
import { AS_OF_ENV } from '../util/today.js';

export { AS_OF_ENV, todayOf } from '../util/today.js';

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
