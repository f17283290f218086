import type { Question } from '../knowledge/types.js';

/** `use_case` → `use-case`; a question may name its flag explicitly (`priorities` → `priority`). */
export function flagName(question: Question): string {
  return question.flag ?? question.key.replace(/_/g, '-');
}

/** How the flag is written in help and errors: `--modality`, `--[no-]customer-facing`. */
export function flagLabel(question: Question): string {
  return question.kind === 'boolean' ? `--[no-]${flagName(question)}` : `--${flagName(question)}`;
}

export function choiceValues(question: Question): string[] {
  return (question.choices ?? []).map((c) => c.value);
}

/** Commander's camel-cased attribute for a flag: `customer-facing` → `customerFacing`. */
export function optionAttribute(question: Question): string {
  return flagName(question).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
