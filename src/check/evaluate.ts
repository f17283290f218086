/**
 * The rules, applied to one use case at a time: every rule looks only at its own use case
 * (duplicate ids aside), so the order of use cases cannot change the verdict. Pure.
 */
import { compareEntries, type ChecklistEntry } from '../governance/select.js';
import type { Condition, FamilyId, GovernanceItem, Knowledge } from '../knowledge/types.js';
import type { ParsedYaml, PathSegment } from '../knowledge/yaml.js';
import { orderFamilies } from '../scoring/rank.js';
import type { FamilyScore } from '../scoring/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote, visible } from '../util/sanitize.js';
import type { LoadedStack, StatusEntry, UseCaseEntry } from './load.js';
import { RULES, type Level, type RuleId } from './rules.js';
import { HOSTING, type Policy } from './schema.js';
import type { Finding, UseCaseReport } from './types.js';

const LEVELS = new Map<RuleId, Level>(RULES.map((r) => [r.id, r.level]));

/** A ranking as the rules read it: all families in rank order, and the eligible ones. */
export interface Scored {
  ranking: FamilyScore[];
  eligible: FamilyScore[];
}

/** Shared by all use cases of one check: the inputs, and caches keyed by profile. */
export interface Context {
  knowledge: Knowledge;
  policy: Policy;
  today: string;
  itemIds: string[];
  items: Set<string>;
  /** Rankings by weight plan (load shares one plan object among equal profiles) and by its content. */
  rankings: Map<object, Scored>;
  rankingsByContent: Map<string, Scored>;
  checklists: Map<string, ChecklistItem[]>;
  /** The facts (profile keys, `family`) that checklist conditions read. */
  factKeys: string[];
}

/** Every fact key any `when`/`escalate_when` mentions: the checklist depends on nothing else. */
function conditionKeys(knowledge: Knowledge): string[] {
  const keys = new Set<string>();
  const walk = (condition: unknown): void => {
    if (!condition || typeof condition !== 'object') return;
    for (const [key, value] of Object.entries(condition)) {
      if (key === 'all' || key === 'any') (value as unknown[]).forEach(walk);
      else if (key === 'not') walk(value);
      else keys.add(key);
    }
  };
  for (const item of knowledge.governance) {
    walk(item.when);
    walk(item.escalate_when);
  }
  return [...keys].sort();
}

export function createContext(knowledge: Knowledge, policy: Policy, today: string): Context {
  return {
    knowledge,
    policy,
    today,
    itemIds: knowledge.governance.map((g) => g.id),
    items: new Set(knowledge.governance.map((g) => g.id)),
    rankings: new Map(),
    rankingsByContent: new Map(),
    checklists: new Map(),
    factKeys: conditionKeys(knowledge),
  };
}

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

/** Printable ASCII words with single spaces between them: text that oneLine leaves as it is. */
const ONE_LINE = /^(?:[!-~]+ )*[!-~]+$/;

/** Text from the stack file, safe to print and kept on one line (a finding is one line). */
export const oneLine = (text: string) => (ONE_LINE.test(text) ? text : visible(text.replace(/[ \t\n\r]+/g, ' ').trim()));
const listOf = (items: readonly string[]) => (items.length > 0 ? items.map(oneLine).join(', ') : 'nothing');
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

/** Records one finding at a path inside the use case (key: the key's position rather than the value's). */
export type Add = (rule: RuleId, path: PathSegment[], key: boolean, subject: string, message: string) => void;

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
  vendorFindings(ctx.policy, useCase.choice.hosting, useCase.choice.license, add);
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

/**
 * A ranking depends only on the modality and the weight plan, and large stacks share few of
 * those (10,000 generated use cases have about 300), so each is ranked once.
 */
export function scoreOnce(ctx: Context, resolved: LoadedStack['profiles'][number]): Scored {
  let scored = ctx.rankings.get(resolved.plan);
  if (scored) return scored;
  const key = `${resolved.profile.modality}\u0000${JSON.stringify(resolved.plan)}`;
  scored = ctx.rankingsByContent.get(key);
  if (!scored) {
    const ranking = orderFamilies(ctx.knowledge, resolved.profile, resolved.plan);
    scored = { ranking, eligible: ranking.filter((r) => r.eligible) };
    ctx.rankingsByContent.set(key, scored);
  }
  ctx.rankings.set(resolved.plan, scored);
  return scored;
}

/** What the rules need of a checklist entry: which item, its title, and how required it is. */
export type ChecklistItem = Pick<ChecklistEntry, 'id' | 'area' | 'title' | 'severity'>;

type Test = (facts: Record<string, unknown>) => boolean;
const always: Test = () => true;
const tests = new WeakMap<object, Test>();

/**
 * A governance condition as a function of the facts, with evaluateCondition's verdict
 * (governance/condition.ts) but without its reasons, which `check` never prints and which
 * cost most of a checklist's selection when a large stack has thousands of distinct profiles.
 */
function test(cond: Condition | undefined): Test {
  if (cond === undefined || cond === null) return always;
  let compiled = tests.get(cond);
  if (compiled) return compiled;
  const parts = Object.entries(cond as Record<string, unknown>).map(([key, value]): Test => {
    if (key === 'all' || key === 'any') {
      const children = (Array.isArray(value) ? (value as Condition[]) : []).map(test);
      const all = key === 'all';
      return (facts) => {
        for (let i = 0; i < children.length; i++) if (children[i]!(facts) !== all) return !all;
        return all;
      };
    }
    if (key === 'not') {
      const inner = test(value as Condition);
      return (facts) => !inner(facts);
    }
    if (Array.isArray(value)) {
      return (facts) => {
        const actual = facts[key];
        if (actual === undefined) return false;
        for (let i = 0; i < value.length; i++) if (value[i] === actual) return true;
        return false;
      };
    }
    return (facts) => {
      const actual = facts[key];
      return actual !== undefined && value === actual;
    };
  });
  compiled = (facts) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i]!(facts)) return false;
    return true;
  };
  tests.set(cond, compiled);
  return compiled;
}

/** Whether a governance condition holds for the facts (evaluateCondition(…).holds). */
export function holds(cond: Condition | undefined, facts: Record<string, unknown>): boolean {
  return test(cond)(facts);
}

/** selectChecklist's entries (id, area, title, severity), in its order; the rules need no more. */
export function checklistItems(items: readonly GovernanceItem[], facts: Record<string, unknown>): ChecklistItem[] {
  const entries: ChecklistItem[] = [];
  for (const item of items) {
    if (!holds(item.when, facts)) continue;
    const raised = item.severity === 'recommended' && item.escalate_when !== undefined && holds(item.escalate_when, facts);
    entries.push({ id: item.id, area: item.area, title: item.title, severity: raised ? 'required' : item.severity });
  }
  return entries.sort(compareEntries as (a: ChecklistItem, b: ChecklistItem) => number);
}

/** The checklist for a profile and family, selected once per combination of the facts it reads. */
export function checklistFor(ctx: Context, resolved: LoadedStack['profiles'][number], family: FamilyId): ChecklistItem[] {
  const profile = resolved.profile as unknown as Record<string, unknown>;
  let cacheKey = '';
  for (const key of ctx.factKeys) {
    const value = key === 'family' ? family : profile[key];
    cacheKey += `${typeof value === 'object' ? JSON.stringify(value) : String(value)}\u0000`;
  }
  let checklist = ctx.checklists.get(cacheKey);
  if (!checklist) {
    checklist = checklistItems(ctx.knowledge.governance, { ...profile, family });
    ctx.checklists.set(cacheKey, checklist);
  }
  return checklist;
}

/** With policy.require_checklist, an item of the checklist that `has` no status. */
export function missingFindings(ctx: Context, checklist: readonly ChecklistItem[], has: (item: string) => boolean, add: Add): void {
  if (!ctx.policy.require_checklist) return;
  for (const entry of checklist) {
    if (has(entry.id)) continue;
    add('governance/missing', ['governance'], true, `governance.${entry.id}`, `${quote(entry.id)} has no status: ${entry.title} (${entry.severity})`);
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

export function vendorFindings(policy: Policy, hosting: string | undefined, license: string | undefined, add: Add): void {
  const allowedHosting = policy.allowed_hosting;
  if (hosting === undefined) {
    // Undeclared hosting only matters when the policy rules something out.
    if (allowedHosting.length < HOSTING.length) add('vendor/hosting', ['choice'], true, 'choice.hosting', `choice.hosting is not declared, and policy.allowed_hosting allows only ${listOf(allowedHosting)}`);
  } else if (!allowedHosting.includes(hosting)) {
    add('vendor/hosting', ['choice', 'hosting'], false, 'choice.hosting', `hosting ${quote(hosting)} is not allowed by policy.allowed_hosting (${listOf(allowedHosting)})`);
  }
  const allowedLicenses = policy.allowed_licenses;
  if (allowedLicenses.length === 0) return;
  if (license === undefined) {
    add('vendor/license', ['choice'], true, 'choice.license', `choice.license is not declared, and policy.allowed_licenses allows only ${listOf(allowedLicenses)}`);
  } else if (!allowedLicenses.some((l) => l.toLowerCase() === license.toLowerCase())) {
    add('vendor/license', ['choice', 'license'], false, 'choice.license', `license ${quote(license)} is not in policy.allowed_licenses (${listOf(allowedLicenses)})`);
  }
}

/** How many of a duplicated id's lines a finding lists; the count says how many there are. */
export const MAX_LINES_LISTED = 10;

/**
 * A finding on every use case that shares its id with another: none of them is "the" original,
 * and the verdict must not depend on their order. Each lists a bounded number of the id's
 * lines, so a thousand copies of one id make a thousand short lines, not a million numbers.
 * `idAt` locates use case i's id.
 */
export function duplicateIdFindings(ids: readonly string[], idAt: (index: number) => { line: number; col: number }, file: string): Finding[] {
  const byId = new Map<string, number[]>();
  ids.forEach((id, index) => {
    const indices = byId.get(id);
    if (indices) indices.push(index);
    else byId.set(id, [index]);
  });
  const findings: Finding[] = [];
  for (const [id, indices] of byId) {
    if (indices.length < 2) continue;
    const listed = indices.slice(0, MAX_LINES_LISTED).map((i) => idAt(i).line);
    const more = indices.length - listed.length;
    const message = `id ${quote(id)} is used by ${indices.length} use cases (lines ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}); ids must be unique`;
    indices.forEach((index, occurrence) => {
      findings.push(finding('stack/duplicate-id', message, id, index, file, idAt(index), id, `occurrence ${occurrence + 1}`));
    });
  }
  return findings;
}
