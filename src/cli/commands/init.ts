import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DiagnosticsError, formatDiagnostic, UsageError } from '../../errors.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import type { Knowledge } from '../../knowledge/types.js';
import { readUserFile, writeAtomic } from '../files.js';
import { canPrompt, styleFor, terminalWidth, type Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { addKnowledgeOption, addProfileOptions, fileName, oneOf } from '../options.js';
import { addAsOfOption, todayOf } from '../today.js';
import { resolveProfileDetailed, type ProfileOptions } from '../profile.js';
import { DEFAULT_STACK_FILE, HOSTING, POLICY_DEFAULTS, STACK_SCHEMA_URL, USE_CASE_ID as ID, type Hosting } from '../../check/schema.js';
import type { FamilyId, Profile } from '../../knowledge/types.js';
import { assertRunFiles } from '../output.js';
import { guardOutput, quote, visible } from '../../util/sanitize.js';
import { shellCommand } from '../../util/shell.js';

/** How long `init` gives each checklist item before `check` calls it overdue. */
export const PLANNED_DAYS = 30;

interface InitOptions extends ProfileOptions {
  id?: string;
  description?: string;
  vendor?: string;
  model?: string;
  hosting?: Hosting;
  license?: string;
  knowledge: string[];
  color: boolean;
  asOf?: string;
}

function checkId(id: string): string {
  if (!ID.test(id)) throw new UsageError(`use-case id ${quote(id)} is not valid`, 'use lowercase letters, digits and dashes, e.g. --id support-chatbot');
  return id;
}

/** The ids already in the file, with the line each one stands on. */
async function existingIds(knowledge: Knowledge, text: string | undefined, file: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (text === undefined) return ids;
  const { loadStack } = await import('../../check/load.js');
  const loaded = loadStack(knowledge, text, file);
  loaded.stack.use_cases.forEach((useCase, i) => {
    if (!ids.has(useCase.id)) ids.set(useCase.id, loaded.parsed.locate(['use_cases', i, 'id']).line);
  });
  return ids;
}

function refuseDuplicate(id: string, ids: Map<string, number>, file: string): void {
  const line = ids.get(id);
  if (line !== undefined) throw new UsageError(`${file}:${line}: a use case with id ${quote(id)} already exists`, 'choose another id with --id <id>, or edit the existing entry');
}

async function askId(io: Io, noInput: boolean, suggestion: string | undefined, ids: Map<string, number>): Promise<string> {
  if (suggestion !== undefined && !ids.has(suggestion)) return suggestion;
  if (!canPrompt(io, noInput)) {
    const why = suggestion === undefined ? 'the profile names no use-case preset to take it from' : `${quote(suggestion)} is already used`;
    throw new UsageError(`init needs an id for the new use case: ${why}`, 'give one with --id <id> (lowercase letters, digits and dashes)');
  }
  const { input } = await import('@inquirer/prompts');
  return input(
    {
      message: 'Id for this use case (lowercase letters, digits, dashes):',
      validate: (value) => (!ID.test(value) ? 'Use lowercase letters, digits and dashes, e.g. support-chatbot' : ids.has(value) ? `"${value}" is already used in this file` : true),
    },
    // Prompts go where the interview's go: stdout in a terminal, else stderr.
    { input: io.stdin, output: (await import('../../interview/session.js')).promptOutput(io) },
  );
}

/** The file's own policy.max_rank, if it sets one. */
async function filePolicyMaxRank(knowledge: Knowledge, text: string, file: string): Promise<number | undefined> {
  const { loadStack } = await import('../../check/load.js');
  return loadStack(knowledge, text, file).stack.policy?.max_rank;
}

/**
 * The choice to record. With a catalogue model, vendor, licence and hosting come from the
 * catalogue unless given as flags, and the family is the model's (the top-ranked one when the
 * model's architecture also belongs to it); a family outside the recommended ones is warned
 * about, as check would fail it.
 */
async function choiceFor(knowledge: Knowledge, options: InitOptions, eligible: ReadonlyArray<{ family: FamilyId }>, maxRank: number, io: Io) {
  const top = eligible[0]!.family;
  const plain = { family: top, vendor: options.vendor, model: options.model, hosting: options.hosting, license: options.license };
  if (options.model === undefined) return plain;
  const [{ findModel, hostableAs, inFamily, licenseMatches }, { didYouMean }] = await Promise.all([import('../../catalogue/filter.js'), import('../../util/did-you-mean.js')]);
  const model = findModel(knowledge, options.model);
  if (!model) {
    const hint = didYouMean(options.model, knowledge.models.map((m) => m.id));
    io.stderr.write(`warning: model ${quote(options.model)} is not in the catalogue, so nothing is filled in from it and check reports vendor/model-unknown.${hint}
`);
    return plain;
  }
  // A model that is shut down, or shutting down, is said so before it is written down.
  const today = todayOf(options, io);
  const { lifecycleNote } = await import('../../catalogue/lifecycle.js');
  const lifecycle = lifecycleNote(model, today);
  if (lifecycle !== undefined) io.stderr.write(`warning: ${model.name} (${model.id}) is ${lifecycle} (as of ${today}); check reports a shut-down model as vendor/model-retired, and one within 90 days of its shutdown as vendor/model-deprecated\n`);
  (await import('../catalogue-age.js')).warnIfStale(knowledge, today, io);
  const recommended = eligible.slice(0, maxRank).map((r) => r.family);
  const family = recommended.find((f) => inFamily(model, f)) ?? model.families[0]!;
  if (!recommended.includes(family)) {
    io.stderr.write(`warning: ${model.name} is a ${model.families[0]} model, but the recommended families for this use case are ${recommended.join(', ')}; check will report the family (run \`genai-advisor recommend\` to see why)
`);
  }
  // What check's vendor rules would report against the catalogue, said before it is written.
  if (options.hosting !== undefined && !hostableAs(model, options.hosting)) {
    io.stderr.write(`warning: ${model.name} cannot be hosted ${quote(options.hosting)}: the catalogue lists ${model.hosting.join(', ')}; check will report vendor/hosting\n`);
  }
  if (options.license !== undefined && !licenseMatches(model, options.license)) {
    io.stderr.write(`warning: ${model.name} is under ${quote(model.license)} in the catalogue, not ${quote(options.license)}; check will report vendor/license\n`);
  }
  let hosting = options.hosting;
  if (hosting === undefined && model.hosting.length === 1) hosting = model.hosting[0];
  else if (hosting === undefined) io.stderr.write(`note: ${model.name} can be hosted ${model.hosting.join(', ')}; record which with --hosting
`);
  return { family, vendor: options.vendor ?? model.vendor, model: model.id, hosting, license: options.license ?? model.license };
}

/** A text option init writes into the stack file: never empty, since `check` refuses an empty value. */
const nonEmpty = (flag: string) => (value: string) => {
  if (value.trim() === '') throw new UsageError(`${flag} is empty`, `give ${flag} a value, or leave the option out`);
  return value;
};

/**
 * What init is about to write passes check's own loading (its limits, its schema, its
 * cross-references), or nothing is written: init never makes a file that check refuses.
 */
async function assertCheckAccepts(knowledge: Knowledge, text: string, file: string): Promise<void> {
  const { loadStack } = await import('../../check/load.js');
  const { MAX_YAML_BYTES } = await import('../../knowledge/limits.js');
  const refuse = (problem: string) => new UsageError(`init would make ${visible(file)} a file that check refuses (${problem}); nothing was written`, 'shorten or correct the values given to init');
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) throw refuse(`over the ${MAX_YAML_BYTES / 1024 / 1024} MiB size limit`);
  try {
    loadStack(knowledge, text, file);
  } catch (error) {
    if (error instanceof DiagnosticsError) throw refuse(formatDiagnostic(error.diagnostics[0]!));
    if (error instanceof UsageError) throw refuse(error.message);
    throw error;
  }
}

export function registerInit(program: Command, io: Io): void {
  const command = program
    .command('init')
    .argument('[stack-file]', 'the stack file to add the use case to (created if missing)', fileName('the stack file'), DEFAULT_STACK_FILE)
    .description('consult, then add the decision to a stack file as a new use case for `check`')
    .option('--id <id>', 'id of the new use case (default: the use-case preset id)')
    .option('--description <text>', 'what the use case does (default: the preset description)', nonEmpty('--description'))
    .option('--vendor <name>', 'vendor or provider of the chosen model', nonEmpty('--vendor'))
    .option('--model <id>', 'the chosen model: a catalogue id (`genai-advisor models`) fills vendor, family, licence and hosting', nonEmpty('--model'))
    .addOption(new Option('--hosting <hosting>', `how it is hosted: ${HOSTING.join(', ')}`).argParser(oneOf([...HOSTING])))
    .option('--license <name>', "the model's licence", nonEmpty('--license'))
    .option('--no-color', 'never colour the prompts')
    .addHelpText(
      'after',
      `\nEvery applicable checklist item is added as planned, due in ${PLANNED_DAYS} days: \`check\` reports each as open until you set status: done with its evidence (or not-applicable with a reason).\n\nExamples:\n  $ genai-advisor init\n  $ genai-advisor init --use-case customer-support-chatbot --hosting api --no-input`,
    );
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addAsOfOption(command);
  command.action(async (file: string, options: InitOptions) => {
    // Before any question: an answers file or overlay the run would overwrite, a read-only file.
    assertRunFiles(options, io, { outputs: [{ what: 'stack file', path: file }] });
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const before = readStack(file, io);
    // Refuse a broken file or a taken id before asking anything.
    const ids = await existingIds(knowledge, before, file);
    if (options.id !== undefined) refuseDuplicate(checkId(options.id), ids, file);

    const { profile, interviewed } = await resolveProfileDetailed(options, knowledge, io);
    // After a consultation the person sees what would be recorded before anything is written.
    if (interviewed) await showSummary(knowledge, profile, options, io);
    const id = options.id ?? (await askId(io, options.input === false, profile.use_case, ids));
    refuseDuplicate(checkId(id), ids, file);

    const [{ rankFamilies }, { selectChecklist }, { addDays }, { appendUseCase }, { withFileLock }] = await Promise.all([
      import('../../scoring/rank.js'),
      import('../../governance/select.js'),
      import('../../util/dates.js'),
      import('./init-edit.js'),
      import('../lock.js'),
    ]);
    const eligible = rankFamilies(knowledge, profile).ranking.filter((r) => r.eligible);
    const top = eligible[0];
    if (!top) throw new UsageError('no family is eligible for this profile, so there is no decision to record', 'review the answers (`genai-advisor recommend` shows why each family is ruled out)');
    const maxRank = (before === undefined ? undefined : await filePolicyMaxRank(knowledge, before, file)) ?? POLICY_DEFAULTS.max_rank;
    const choice = await choiceFor(knowledge, options, eligible, maxRank, io);
    const today = todayOf(options, io);
    const checklist = selectChecklist(knowledge.governance, profile, choice.family, knowledge.governance_areas, { today });
    const due = addDays(today, PLANNED_DAYS);
    const description = options.description ?? (profile.use_case ? knowledge.use_cases[profile.use_case]?.description : undefined);
    const entry = {
      id,
      ...(description !== undefined ? { description } : {}),
      profile,
      choice,
      checklist,
      due,
      decidedWith: { knowledge_sha256: knowledge.sha256, knowledge_version: knowledge.version, family: top.family, date: today },
    };
    const ranked = eligible.find((r) => r.family === choice.family);
    // The short name, as the summary above it names the family; the full name may hold brackets of its own.
    const familyName = knowledge.families[choice.family].short_name;
    const chosen = `${ranked ? `${familyName} (score ${ranked.score.toFixed(1)})` : familyName}${choice.model !== undefined ? `, ${visible(choice.model)}` : ''}`;
    const items = checklist.length === 1 ? '1 checklist item' : `${checklist.length} checklist items`;
    if (interviewed && !(await confirmWrite(io, file, chosen, options.color !== false))) {
      io.stdout.write(guardOutput(`Nothing written: ${visible(file)} is unchanged.\n`));
      return;
    }
    // Another run may have changed the file since it was read: read it again under the lock,
    // so every run's use case ends up in the file, or the run fails (exit 2).
    await withFileLock(file, io.cwd, async () => {
      const current = readStack(file, io);
      const currentIds = current === before ? ids : await existingIds(knowledge, current, file);
      refuseDuplicate(id, currentIds, file);
      const text = appendUseCase(current, entry, STACK_SCHEMA_URL);
      await assertCheckAccepts(knowledge, text, file);
      const shown = visible(file);
      const message =
        `${current !== undefined ? `Added use case ${quote(id)} to ${shown}` : `Created ${shown} with use case ${quote(id)}`}: ${chosen}, ${items} planned for ${due}.\n` +
        `Next: record each item's evidence and set status: done (or not-applicable with a reason), then run \`${shellCommand(['genai-advisor', 'check', file])}\`.\n`;
      // From the rename on, the change is made: the run reports it, whatever signal comes.
      writeAtomic(file, text, io.cwd, { final: true });
      io.stdout.write(guardOutput(message));
    });
  });
}

/** The one-screen summary `recommend` shows, without its next steps: this run's next step is the write. */
async function showSummary(knowledge: Knowledge, profile: Profile, options: InitOptions, io: Io): Promise<void> {
  const [{ recommend }, { renderRecommendSummary }, { promptOutput }] = await Promise.all([
    import('../../recommend.js'),
    import('../../render/recommend-summary.js'),
    import('../../interview/session.js'),
  ]);
  const output = promptOutput(io);
  const rec = recommend(knowledge, profile, { today: todayOf(options, io), models: { hosting: options.hosting } });
  output.write(guardOutput(`${renderRecommendSummary(rec, { style: styleFor(io, options.color !== false, output), width: terminalWidth(io), next: false })}\n`));
}

/** Yes (the default) to write the decision; no leaves the file as it was. */
async function confirmWrite(io: Io, file: string, chosen: string, color: boolean): Promise<boolean> {
  const [{ confirm }, { openSession }] = await Promise.all([import('@inquirer/prompts'), import('../../interview/session.js')]);
  // The consultation's session: the same output, and plain with --no-color or NO_COLOR.
  const session = openSession(io, color);
  return confirm({ message: `Add ${chosen} to ${visible(file)}?`, default: true, theme: session.theme }, session.context);
}

/** The stack file's text, or undefined for one still to be written (missing, or just touched). */
function readStack(file: string, io: Io): string | undefined {
  const full = resolve(io.cwd, file);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return undefined;
  }
  if (stat.isFile() && stat.size === 0) return undefined;
  const text = readUserFile(file, 'stack file', io.cwd);
  // The YAML editor init uses reads a lone CR as text, not as a line break.
  if (/\r(?!\n)/.test(text)) throw new UsageError(`stack file ${visible(file)} ends its lines with CR alone (an old Mac format), which init cannot edit in place`, 'convert its line endings to LF (or CRLF), then run init again');
  return text;
}
