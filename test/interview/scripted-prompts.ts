/**
 * A stand-in for @inquirer/prompts in whole-program tests (`vi.mock('@inquirer/prompts', ...)`).
 * Each prompt looks up a scripted reply by a fragment of its message; a prompt without one
 * behaves as if the person pressed Enter (the default, or the first choice).
 */

/** A reply: a value, a Queue (one value per showing), or a function of the prompt's config. */
export type Reply = unknown;

interface Asked {
  kind: string;
  message: string;
  config: Record<string, unknown>;
  context: { input?: unknown; output?: unknown } | undefined;
}

export const script = {
  replies: new Map<string, Reply>(),
  asked: [] as Asked[],
  reset(replies: Record<string, Reply> = {}) {
    this.replies = new Map(Object.entries(replies));
    this.asked = [];
  },
};

/** Ctrl+C as inquirer reports it. */
export function ctrlC(): never {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  throw error;
}

type Choice = { value: unknown; checked?: boolean };

function scripted(message: string): { found: boolean; reply?: Reply } {
  for (const [fragment, reply] of script.replies) {
    if (!message.includes(fragment)) continue;
    if (reply instanceof Queue) return { found: true, reply: reply.next() };
    return { found: true, reply };
  }
  return { found: false };
}

/** Successive replies for a prompt shown several times (the follow-up menu). */
export class Queue {
  constructor(private readonly values: Reply[]) {}
  next(): Reply {
    if (this.values.length === 0) throw new Error('scripted queue exhausted');
    return this.values.length > 1 ? this.values.shift() : this.values[0];
  }
}

function prompt(kind: string, enter: (config: Record<string, unknown>) => unknown | Promise<unknown>) {
  return async (config: Record<string, unknown>, context?: Asked['context']) => {
    const message = String(config.message);
    script.asked.push({ kind, message, config, context });
    const { found, reply } = scripted(message);
    if (!found) return enter(config);
    if (typeof reply === 'function') return (reply as (c: Record<string, unknown>) => unknown)(config);
    if (kind === 'search') {
      // A scripted search reply is what the person types; Enter then takes the first hit.
      const hits = (await (config.source as (t: string) => Promise<Choice[]> | Choice[])(String(reply))) as Choice[];
      return hits[0]?.value;
    }
    if (kind === 'checkbox' && Array.isArray(reply) && typeof config.max === 'number' && reply.length > config.max) {
      throw new Error(`checkbox allows at most ${config.max}: ${JSON.stringify(reply)}`);
    }
    if (kind === 'checkbox' && Array.isArray(reply)) {
      const validate = config.validate as ((c: unknown[]) => true | string) | undefined;
      const verdict = validate?.(reply.map((value) => ({ value })));
      if (verdict !== undefined && verdict !== true) throw new Error(`checkbox refused ${JSON.stringify(reply)}: ${verdict}`);
    }
    return reply;
  };
}

const firstChoice = (config: Record<string, unknown>) => (config.choices as Choice[])[0]?.value;

export const select = prompt('select', (c) => ('default' in c ? c.default : firstChoice(c)));
export const confirm = prompt('confirm', (c) => c.default ?? true);
export const input = prompt('input', (c) => c.default ?? '');
export const checkbox = prompt('checkbox', (c) => (c.choices as Choice[]).filter((x) => x.checked).map((x) => x.value));
/** The priorities prompt (src/interview/pick-up-to.ts), scripted as a checkbox. */
export const pickUpTo = checkbox;
export const search = prompt('search', async (c) => {
  const hits = (await (c.source as (t: undefined) => Promise<Choice[]> | Choice[])(undefined)) as Choice[];
  return hits[0]?.value;
});
