/**
 * The constraints on concrete models (`--hosting`, `--license`), defined once for every
 * command that filters the catalogue (`models`, `recommend`).
 */
import { Option, type Command } from 'commander';
import { HOSTING_OPTIONS, LICENSE_CATEGORIES, type HostingOption } from '../knowledge/types.js';
import { oneOf } from './options.js';

export { checkLicenseFilter } from '../catalogue/filter.js';

export interface ModelConstraintOptions {
  hosting?: HostingOption;
  license?: string;
  openWeights?: boolean;
}

export function addModelConstraintOptions(command: Command, what = 'only models'): Command {
  command.addOption(new Option('--hosting <hosting>', `${what} that can run this way: ${HOSTING_OPTIONS.join(', ')}`).argParser(oneOf([...HOSTING_OPTIONS])));
  command.addOption(new Option('--license <name>', `${what} under this licence, or licence category: ${LICENSE_CATEGORIES.join(', ')}`));
  command.option('--open-weights', `${what} whose weights you can download and run yourself`);
  command.addOption(new Option('--no-open-weights', `${what} whose weights are closed`).hideHelp());
  return command;
}
