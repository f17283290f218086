import { Command, InvalidArgumentError, Option } from 'commander';
import type { Knowledge, Question } from '../knowledge/types.js';
import { choiceValues, flagName } from '../profile/table.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote } from '../util/sanitize.js';
import { checkFileName } from './files.js';

/** A parser for an option that takes a file name: no empty name, no swallowed flag, no folder. */
export const fileName = (flag: string) => (value: string) => checkFileName(value, flag);

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A choice parser whose error names the allowed values and the nearest one. */
export function oneOf(values: readonly string[]) {
  return (value: string) => {
    if (!values.includes(value)) throw new InvalidArgumentError(`${didYouMean(value, values).trim()} Allowed: ${values.join(', ')}.`.trim());
    return value;
  };
}

/** A list parser: values comma-separated or the flag repeated, each one checked, none twice. */
export function someOf(values: readonly string[]) {
  const one = oneOf(values);
  return (value: string, previous: string[] = []) => {
    const given = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) throw new InvalidArgumentError(`give at least one of: ${values.join(', ')}.`);
    const out = [...previous];
    for (const v of given) {
      let checked: string;
      try {
        checked = one(v);
      } catch (error) {
        // Commander names the whole argument; in a list, say which item is wrong.
        if (given.length > 1 && error instanceof InvalidArgumentError) throw new InvalidArgumentError(`${quote(v)} is not one of them. ${error.message}`);
        throw error;
      }
      if (!out.includes(checked)) out.push(checked);
    }
    return out;
  };
}

function profileOption(question: Question, knowledge: Knowledge): Option[] {
  const flag = flagName(question);
  switch (question.kind) {
    case 'boolean':
      return [new Option(`--${flag}`, `${question.help} (--no-${flag} to say no)`), new Option(`--no-${flag}`).hideHelp()];
    case 'priorities':
      return [new Option(`--${flag} <${question.value_name ?? 'list'}>`, question.help).argParser(collect)];
    case 'preset':
      return [new Option(`--${flag} <${question.value_name ?? 'id'}>`, `${question.help} (${Object.keys(knowledge.use_cases).length} presets)`)];
    case 'criteria': {
      // Checked once overlays are merged (parseCriteria), so an overlay's criterion can be required too.
      const help = `${question.help} (the bar: ${question.min_rating}/5): ${Object.keys(knowledge.criteria).join(', ')}`;
      return [new Option(`--${flag} <${question.value_name ?? 'list'}>`, help).argParser(collect)];
    }
    case 'multi': {
      const values = choiceValues(question);
      const fallback = Array.isArray(question.default) ? ` (default: ${question.default.join(',')})` : '';
      // What each value includes, from the table: a list's values are read together, so each needs saying.
      const described = (question.choices ?? []).map((c) => `${c.value} = ${c.help}`).join('; ');
      const help = `${question.help}: ${described}; several allowed, comma-separated or repeated${fallback}`;
      return [new Option(`--${flag} <${question.value_name ?? 'list'}>`, help).argParser(someOf(values))];
    }
    case 'choice': {
      const values = choiceValues(question);
      const help = `${question.help}: ${values.join(', ')}${question.default !== undefined ? ` (default: ${String(question.default)})` : question.required ? ' (required)' : ''}`;
      return [new Option(`--${flag} <${question.value_name ?? 'value'}>`, help).argParser(oneOf(values))];
    }
  }
}

/** One flag per question of the table: the flags, prompts and answers keys never drift apart. */
export function addProfileOptions(command: Command, knowledge: Knowledge): Command {
  for (const question of knowledge.questions) for (const option of profileOption(question, knowledge)) command.addOption(option);
  command.option('--answers <file>', 'read answers from a YAML or JSON file (flags override it)', fileName('--answers'));
  command.option('--save-answers <file>', 'write the resolved answers to a file, for scripted reruns', fileName('--save-answers'));
  command.option('--no-input', 'never prompt; fail with exit 2 if required answers are missing');
  command.option('-y, --yes', 'accept defaults instead of asking');
  return command;
}

/**
 * --no-input and --yes on a command that never asks anything: accepted and ignored, so that a
 * script may pass the contract's common options to every command. Hidden from its help.
 */
export function acceptPromptOptions(command: Command): Command {
  command.addOption(new Option('--no-input', 'this command never prompts').hideHelp());
  command.addOption(new Option('-y, --yes', 'this command asks nothing').hideHelp());
  return command;
}

export function addKnowledgeOption(command: Command): Command {
  return command.addOption(
    new Option('--knowledge <file>', 'merge a knowledge overlay over the built-in knowledge (repeatable)').argParser((value: string, previous?: string[]) => collect(checkFileName(value, '--knowledge'), previous)).default([], 'none'),
  );
}

export function addOutputOptions(command: Command, formats: readonly string[]): Command {
  command.addOption(new Option('--format <format>', `output format: ${formats.join(', ')}`).argParser(oneOf(formats)).default(formats[0]));
  command.option('--output <file>', 'write the output to a file (atomically) instead of stdout', fileName('--output'));
  command.option('--no-color', 'never colour the output (NO_COLOR and TERM=dumb are honoured too)');
  return command;
}
