/**
 * The rules, applied to one use case at a time: every rule looks only at its own use case
 * (duplicate ids aside), so the order of use cases cannot change the verdict. Pure.
 */
import { selectChecklistOnce, type ChecklistEntry } from '../governance/select.js';
import type { FamilyId, Knowledge } from '../knowledge/types.js';
import type { ParsedYaml, PathSegment } from '../knowledge/yaml.js';
import { rankPlanOnce, type Ranking } from '../scoring/rank.js';
import type { FamilyScore } from '../scoring/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote } from '../util/sanitize.js';
import type { LoadedStack, StatusEntry, UseCaseEntry } from './load.js';
import { RULES, type Level, type RuleId } from './rules.js';
import type { Finding, UseCaseReport } from './types.js';
import { vendorChoiceFindings } from './vendor.js';
import { createContext, oneLine, type Add, type Context, type Scored } from './context.js';

export { createContext, oneLine, type Add, type Context, type Scored };

const LEVELS = new Map<RuleId, Level>(RULES.map((r) => [r.id, r.level]));

/**
 * Survives edits that move lines, so code scanning keeps one alert per problem. Two
 * independent 32-bit FNV-1a hashes: collisions are harmless here, and a crypto hash per
 * finding costs too much on large stacks.
 */
export function fingerprint(rule: RuleId, useCase: string, subject: string): string {
  const text = `${rule}\u0000${useCase}\u0000${subject}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export const blank = (value: string | string[] | undefined) =>
  value === undefined || (Array.isArray(value) ? value.every((v) => v.trim() === '') : value.trim() === '');

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export interface Evaluation {
  report: UseCaseReport;
  findings: Finding[];
}

/** A finding of one use case, at a position already located. */
export function finding(rule: RuleId, message: string, useCase: string, index: number, file: string, at: { line: number; col: number }, fingerprintId: string, subject: string): Finding {
  return { rule, level: LEVELS.get(rule)!, message, useCase, index, file, line: at.line, col: at.col, fingerprint: fingerprint(rule, fingerprintId, subject) };
}

/**
 * `occurrence` counts the use cases with the same id so far (1 for the first): duplicates must
 * not share fingerprints, and the first keeps the plain id's.
 */
export function evaluateUseCase(ctx: Context, parsed: ParsedYaml, useCase: UseCaseEntry, index: number, resolved: LoadedStack['profiles'][number], occurrence = 1): Evaluation {
  const id = useCase.id;
  const fingerprintId = occurrence === 1 ? id : `${id}#${occurrence}`;
  const base: PathSegment[] = ['use_cases', index];
  const findings: Finding[] = [];
  const add: Add = (rule, path, key, subject, message) => {
    findings.push(finding(rule, message, id, index, parsed.file, parsed.locate([...base, ...path], key), fingerprintId, subject));
  };

  const family = useCase.choice.family;
  const fit = familyFindings(ctx, scoreOnce(ctx, resolved), family, add);
  const statuses = useCase.governance ?? {};
  missingFindings(ctx, checklistFor(ctx, resolved, family), (item) => Object.hasOwn(statuses, item), add);
  for (const [item, entry] of Object.entries(statuses)) {
    statusFindings(ctx, item, entry.status, blank(entry.evidence), entry.due, blank(entry.reason), add);
  }
  vendorChoiceFindings(ctx, useCase.choice, resolved.profile, add);
  driftFindings(ctx.knowledge, useCase.decided_with, family, fit.best, add);
  return { report: useCaseReport(useCase, index, parsed.locate(base), fit), findings };
}

export interface Fit {
  family: FamilyId;
  chosen: FamilyScore;
  best: FamilyScore | undefined;
  rank: number | null;
}

/** The family rules: eligible, ranked high enough, scoring enough, close enough to the best. */
export function familyFindings(ctx: Context, scored: Scored, family: FamilyId, add: Add): Fit {
  const { policy } = ctx;
  const { ranking, eligible } = scored;
  const chosen = ranking.find((r) => r.family === family)!;
  const best = eligible[0];
  const rank = chosen.eligible ? eligible.indexOf(chosen) + 1 : null;

  const at: PathSegment[] = ['choice', 'family'];
  if (!chosen.eligible) {
    add('family/ineligible', at, false, 'choice.family', `${family} is not eligible for this profile: ${chosen.knockouts.map((k) => k.reason).join('; ')}`);
  }
  if (rank === null || rank > policy.max_rank) {
    const top = eligible.slice(0, policy.max_rank).map((r) => `${r.family} (${r.score})`);
    const where = rank === null ? `${family} is not among the eligible families` : `${family} ranks ${ordinal(rank)} of ${eligible.length} eligible families`;
    const message = eligible.length === 0 ? 'no family is eligible for this profile, so no choice fits it; review the profile' : `${where}; policy.max_rank allows the top ${policy.max_rank}: ${top.join(', ')}`;
    add('family-fit/rank', at, false, 'choice.family', message);
  }
  if (chosen.eligible && chosen.score < policy.min_score) {
    add('family-fit/score', at, false, 'choice.family', `${family} scores ${chosen.score}, below policy.min_score ${policy.min_score}`);
  }
  if (chosen.eligible && best && best !== chosen) {
    const gap = Math.round((best.score - chosen.score) * 10) / 10;
    if (gap > policy.max_gap) {
      add('family-fit/gap', at, false, 'choice.family', `${family} scores ${chosen.score}, ${gap} points behind ${best.family} (${best.score}); policy.max_gap is ${policy.max_gap}`);
    }
  }
  return { family, chosen, best, rank };
}

/** What one use case declared and how the current knowledge ranks it. */
export function useCaseReport(useCase: { id: string; description?: string }, index: number, position: { line: number; col: number }, fit: Fit): UseCaseReport {
  return {
    id: useCase.id,
    index,
    line: position.line,
    col: position.col,
    ...(useCase.description !== undefined ? { description: oneLine(useCase.description) } : {}),
    family: fit.family,
    rank: fit.rank,
    score: fit.chosen.score,
    best: fit.best ? { family: fit.best.family, score: fit.best.score } : null,
    errors: 0,
    warnings: 0,
  };
}

/** The knowledge a decision was made with, if it now ranks another family first. */
export function driftFindings(knowledge: Knowledge, decided: UseCaseEntry['decided_with'], family: FamilyId, best: FamilyScore | undefined, add: Add): void {
  if (decided && decided.knowledge_sha256 !== knowledge.sha256) {
    const recorded = decided.family ?? family;
    if (best?.family !== recorded) {
      const then = `${decided.knowledge_version !== undefined ? `${oneLine(decided.knowledge_version)} ` : ''}(sha256 ${decided.knowledge_sha256.slice(0, 12)})`;
      const now = best ? `ranks ${best.family} first` : 'finds no eligible family';
      add('knowledge/drift', ['decided_with'], true, 'decided_with', `decided with knowledge ${then}, when ${recorded} ranked first; the current knowledge ${knowledge.version} (sha256 ${knowledge.sha256.slice(0, 12)}) ${now}`);
    }
  }
}

const scoredRankings = new WeakMap<Ranking, Scored>();

/** The engine's ranking for a use case's weight plan (rankFamilies, as recommend ranks), shared by every use case with that plan. */
export function scoreOnce(ctx: Context, resolved: LoadedStack['profiles'][number]): Scored {
  const ranking = rankPlanOnce(ctx.knowledge, resolved.plan);
  let scored = scoredRankings.get(ranking);
  if (!scored) scoredRankings.set(ranking, (scored = { ranking: [...ranking.ranking, ...ranking.ruledOut], eligible: ranking.ranking }));
  return scored;
}

/** The engine's checklist for a profile and the chosen family (selectChecklist, as recommend selects). */
export function checklistFor(ctx: Context, resolved: LoadedStack['profiles'][number], family: FamilyId): ChecklistEntry[] {
  return selectChecklistOnce(ctx.knowledge.governance, resolved.profile, family, ctx.knowledge.governance_areas);
}

/**
 * With policy.require_checklist, an item of the checklist that `has` no status: an error
 * (governance/missing) for a required item; for a recommended one a warning
 * (governance/missing-recommended), unless policy.recommended_missing makes it an error too.
 * Each rule keeps one level, so code scanning's rule metadata stays true.
 */
export function missingFindings(ctx: Context, checklist: readonly ChecklistEntry[], has: (item: string) => boolean, add: Add): void {
  if (!ctx.policy.require_checklist) return;
  for (const entry of checklist) {
    if (has(entry.id)) continue;
    const message = `${quote(entry.id)} has no status: ${entry.title} (${entry.severity})`;
    const rule = entry.severity === 'required' || ctx.policy.recommended_missing === 'error' ? 'governance/missing' : 'governance/missing-recommended';
    add(rule, ['governance'], true, `governance.${entry.id}`, message);
  }
}

/**
 * One governance entry: an item the knowledge does not have, or a status that lacks what it
 * needs. Only whether evidence and reason are blank matters, never their text.
 */
export function statusFindings(ctx: Context, item: string, status: StatusEntry['status'], evidenceBlank: boolean, due: string | undefined, reasonBlank: boolean, add: Add): void {
  // Paths and subjects are built only for a finding: a large stack has 100,000s of entries.
  if (!ctx.items.has(item)) {
    add('governance/unknown-item', ['governance', item], true, `governance.${item}`, `${quote(item)} is not a checklist item.${didYouMean(item, ctx.itemIds)}`);
    return;
  }
  switch (status) {
    case 'done':
      if (evidenceBlank) add('governance/evidence', ['governance', item], false, `governance.${item}`, `${quote(item)} is done but names no evidence: add evidence: <link, path or ticket>`);
      break;
    case 'planned':
      if (due === undefined) add('governance/evidence', ['governance', item], false, `governance.${item}`, `${quote(item)} is planned without a due date: add due: YYYY-MM-DD`);
      else if (due < ctx.today) add('governance/evidence', ['governance', item, 'due'], false, `governance.${item}`, `${quote(item)} was due ${due} and is still planned (overdue)`);
      else add('governance/planned', ['governance', item, 'due'], false, `governance.${item}`, `${quote(item)} is planned, due ${due}`);
      break;
    case 'not-applicable':
      if (reasonBlank) add('governance/evidence', ['governance', item], false, `governance.${item}`, `${quote(item)} is not-applicable without a reason: add reason: <why it does not apply>`);
      break;
  }
}


/** How many of a duplicated id's lines a finding lists; the count says how many there are. */
export const MAX_LINES_LISTED = 10;

/** The use cases that share an id, as groups of indices in file order: each group has two or more. */
export function sharedIdGroups(ids: readonly string[]): number[][] {
  const byId = new Map<string, number[]>();
  ids.forEach((id, index) => {
    const indices = byId.get(id);
    if (indices) indices.push(index);
    else byId.set(id, [index]);
  });
  return [...byId.values()].filter((indices) => indices.length > 1);
}

/**
 * One finding per shared id, at its first repeat (the line where the id stops being unique),
 * listing a bounded number of the id's lines: a thousand copies of one id make one short line,
 * not a thousand. Every use case of the group fails (the caller counts them), so the verdict
 * does not depend on which copy comes first. `idAt` locates use case i's id.
 */
export function duplicateIdFindings(groups: readonly number[][], ids: readonly string[], idAt: (index: number) => { line: number; col: number }, file: string): Finding[] {
  return groups.map((indices) => {
    const id = ids[indices[0]!]!;
    const listed = indices.slice(0, MAX_LINES_LISTED).map((i) => idAt(i).line);
    const more = indices.length - listed.length;
    const message = `id ${quote(id)} is used by ${indices.length} use cases (lines ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}); ids must be unique`;
    const repeat = indices[1]!;
    return finding('stack/duplicate-id', message, id, repeat, file, idAt(repeat), id, 'duplicate');
  });
}
