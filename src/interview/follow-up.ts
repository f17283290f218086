import { confirm, input, select } from '@inquirer/prompts';
import { UsageError } from '../errors.js';
import type { FamilyId } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import { checklistText } from '../render/checklist.js';
import { checklistScope } from '../governance/scope.js';
import { renderRecommendMarkdown, type DecisionRecordOptions } from '../render/recommend-markdown.js';
import { renderRecommendTable } from '../render/recommend-table.js';
import { renderWhyNotText } from '../render/why-not.js';
import { renderAnswersYaml } from '../render/yaml.js';
import { whyNot } from '../scoring/why-not.js';
import { choiceLine, openSession, type Session } from './session.js';
import type { SaveFiles, Terminal } from './terminal.js';
import { visible } from '../util/sanitize.js';

export interface FollowUpContext {
  rec: Recommendation;
  io: Terminal;
  files: SaveFiles;
  session: Session;
  /** What `--format markdown` would be given for this run, so the saved report is the same file. */
  report: DecisionRecordOptions;
}

export interface FollowUpOptions {
  /** Where saved reports go; the shell passes atomic writes relative to the working directory. */
  files: SaveFiles;
  color?: boolean;
  report?: DecisionRecordOptions;
}

/**
 * One entry of the menu shown after the results. The menu is this list: a new action (such
 * as adding the decision to a stack file) is one more entry, nothing else changes.
 */
export interface FollowUpAction {
  id: string;
  label: string;
  /** One line shown next to the label. */
  help: string;
  /** Hidden when this says no (e.g. no other family to contrast with). */
  available?(ctx: FollowUpContext): boolean;
  /** The actions whose output this one prints too (its own id included): the next menu leaves them out. */
  shows?: readonly string[];
  /** 'done' ends the menu; 'again' shows it once more. */
  run(ctx: FollowUpContext): Promise<'done' | 'again'>;
}

/**
 * Asks for a path and writes the text there atomically. An existing file is replaced only
 * after a yes; a path that cannot be written is reported and the menu goes on.
 */
async function saveTo(ctx: FollowUpContext, what: string, suggested: string, text: () => Promise<string> | string): Promise<string | undefined> {
  const { session, files } = ctx;
  const path = (
    await input(
      {
        message: `Save the ${what} as`,
        default: suggested,
        validate: (v: string) => (v.trim() === '' ? 'give a file name' : files.isFolder?.(v.trim()) ? `${visible(v.trim())} is a folder: give a file name` : true),
        theme: session.theme,
      },
      session.context,
    )
  ).trim();
  if (files.exists(path)) {
    const replace = await confirm({ message: `${path} exists. Replace it?`, default: false, theme: session.theme }, session.context);
    if (!replace) return undefined;
  }
  try {
    files.write(path, await text());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    session.say(`error: ${error.message}${error.hint ? `\n${error.hint}` : ''}`, 'red');
    return undefined;
  }
  return path;
}

export const FOLLOW_UP_ACTIONS: readonly FollowUpAction[] = [
  {
    id: 'details',
    label: 'Show details',
    help: 'all reasons, scores, robustness, the whole checklist',
    shows: ['details', 'checklist'],
    async run({ rec, session }) {
      session.say('');
      session.context.output.write(`${renderRecommendTable(rec, { style: session.style, width: session.width - 1 })}\n`);
      return 'again';
    },
  },
  {
    id: 'why-not',
    label: 'Why not …?',
    help: 'contrast another family with the recommendation',
    available: ({ rec }) => rec.ranking.length + rec.ruledOut.length > 1,
    async run({ rec, session }) {
      // The eligible runners-up by rank, then the ruled-out families, which have no rank.
      const others = [...rec.ranking.slice(1), ...rec.ruledOut];
      const names = others.map((r) => `${rec.knowledge.families[r.family].short_name} (${'rank' in r ? `#${r.rank}` : 'ruled out'})`);
      const width = Math.max(...names.map((n) => n.length));
      const family = await select<FamilyId>(
        {
          message: 'Why not which family?',
          choices: others.map((r, i) => ({
            value: r.family,
            name: choiceLine(names[i]!, r.eligible ? `${r.score.toFixed(1)} points` : 'not ranked', width, session.width, session.style),
            short: rec.knowledge.families[r.family].short_name,
          })),
          pageSize: others.length,
          loop: false,
          theme: session.theme,
        },
        session.context,
      );
      session.say('');
      session.context.output.write(`${renderWhyNotText(whyNot(rec, family), rec.knowledge, session.style, session.width - 1)}\n`);
      return 'again';
    },
  },
  {
    id: 'checklist',
    label: 'Show the checklist',
    help: 'the governance checklist with the actions for each item',
    shows: ['checklist'],
    async run({ rec, session }) {
      session.say('');
      const color = (text: string, name: keyof Session['style']) => session.style[name](text);
      session.context.output.write(`${checklistText(rec.checklist, { width: session.width - 1, actions: true, color, scope: checklistScope(rec) })}\n`);
      return 'again';
    },
  },
  {
    id: 'save-report',
    label: 'Save a report',
    help: 'the decision record in Markdown',
    async run(ctx) {
      const path = await saveTo(ctx, 'report', 'genai-advisor-report.md', () => renderRecommendMarkdown(ctx.rec, ctx.report));
      if (path) ctx.session.say(`Wrote ${visible(path)}`);
      return 'again';
    },
  },
  {
    id: 'save-answers',
    label: 'Save the answers',
    help: 'to rerun without questions: --answers <file>',
    async run(ctx) {
      const path = await saveTo(ctx, 'answers', 'genai-advisor-answers.yaml', () => renderAnswersYaml(ctx.rec.profile));
      // The command on a line of its own, so that it can be copied whole.
      if (path) ctx.session.say(`Wrote ${visible(path)}. Rerun with:\ngenai-advisor --answers ${visible(path)} --no-input`);
      return 'again';
    },
  },
  {
    id: 'done',
    label: 'Done',
    help: 'exit',
    run: async () => 'done',
  },
];

/** The menu after the results; returns when the person picks an action that ends it. */
export async function followUp(rec: Recommendation, io: Terminal, options: FollowUpOptions, actions: readonly FollowUpAction[] = FOLLOW_UP_ACTIONS): Promise<void> {
  const ctx: FollowUpContext = { rec, io, files: options.files, session: openSession(io, options.color !== false), report: options.report ?? {} };
  const available = actions.filter((a) => a.available?.(ctx) ?? true);
  const width = Math.max(...available.map((a) => a.label.length));
  // Whatever the last action printed is on the screen: the menu does not offer it again at once.
  let justShown: ReadonlySet<string> = new Set();
  for (;;) {
    const shown = available.filter((a) => !justShown.has(a.id));
    // The cursor starts on "Done", so pressing Enter through everything always ends.
    const last = (shown.find((a) => a.id === 'done') ?? shown[shown.length - 1])?.id;
    const id = await select(
      {
        message: 'What next?',
        choices: shown.map((a) => ({ value: a.id, name: choiceLine(a.label, a.help, width, ctx.session.width, ctx.session.style), short: a.label })),
        ...(last !== undefined ? { default: last } : {}),
        pageSize: shown.length,
        loop: false,
        theme: ctx.session.theme,
      },
      ctx.session.context,
    );
    const action = shown.find((a) => a.id === id);
    if (!action || (await action.run(ctx)) === 'done') return;
    justShown = new Set(action.shows ?? []);
  }
}
