import { confirm, select } from '@inquirer/prompts';
import type { Answers, Knowledge } from '../knowledge/types.js';
import type { Resolution } from '../profile/resolve.js';
import type { Io } from '../cli/io.js';

/**
 * Asks, in table order, every question no flag, file or preset answered, and returns the
 * answers given. Each prompt comes from the same question table as the flags.
 */
export async function interview(knowledge: Knowledge, resolution: Resolution, io: Io): Promise<Answers> {
  const context = { input: io.stdin, output: io.stdout };
  const answers: Record<string, unknown> = {};
  for (const question of resolution.unanswered) {
    if (question.kind === 'choice') {
      answers[question.key] = await select(
        {
          message: question.prompt,
          choices: (question.choices ?? []).map((c) => ({ value: c.value, name: c.label, description: c.help })),
          ...(typeof question.default === 'string' ? { default: question.default } : {}),
        },
        context,
      );
    } else if (question.kind === 'boolean') {
      answers[question.key] = await confirm({ message: question.prompt, default: question.default === true }, context);
    }
  }
  return answers as Answers;
}
