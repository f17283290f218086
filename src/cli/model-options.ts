/**
 * The constraints on concrete models (`--hosting`, `--license`), defined once for every
 * command that filters the catalogue (`models`, `recommend`).
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { licenseNames } from '../catalogue/filter.js';
import { HOSTING_OPTIONS, LICENSE_CATEGORIES, type HostingOption, type Knowledge } from '../knowledge/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { oneOf } from './options.js';

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

/**
 * A licence filter must name a category or a licence some model has: a typo would otherwise
 * silently match nothing. Returns the value as the catalogue spells it.
 */
export function checkLicenseFilter(value: string, knowledge: Pick<Knowledge, 'models'>): string {
  const names = licenseNames(knowledge.models);
  const known = [...LICENSE_CATEGORIES, ...names];
  const match = known.find((k) => k.toLowerCase() === value.trim().toLowerCase());
  if (match !== undefined) return match;
  // Licence names are long ("Apache-2.0"): a typed beginning is the likelier mistake.
  const start = value.trim().length >= 3 ? known.find((k) => k.toLowerCase().startsWith(value.trim().toLowerCase())) : undefined;
  throw new UsageError(
    `no model in the catalogue has the licence "${value}".${start !== undefined ? ` Did you mean "${start}"?` : didYouMean(value, known)}`,
    `use a licence category (${LICENSE_CATEGORIES.join(', ')}) or a licence name from \`genai-advisor models\``,
  );
}
