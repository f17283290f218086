/**
 * The rules, applied to one use case at a time: every rule looks only at its own use case
 * (duplicate ids aside), so the order of use cases cannot change the verdict. Pure.
 */
import { selectChecklist, type ChecklistEntry } from '../governance/select.js';
import type { Knowledge } from '../knowledge/types.js';
import type { ParsedYaml, PathSegment } from '../knowledge/yaml.js';
import { rankFamilies } from '../scoring/rank.js';
import type { RankedFamily } from '../scoring/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { sanitize } from '../util/sanitize.js';
import type { LoadedStack, StatusEntry, UseCaseEntry } from './load.js';
import { RULES, type Level, type RuleId } from './rules.js';
import { HOSTING, type Policy } from './schema.js';
import type { Finding, UseCaseReport } from './types.js';

const LEVELS = new Map<RuleId, Level>(RULES.map((r) => [r.id, r.level]));

interface Scored {
  ranking: RankedFamily[];
  eligible: RankedFamily[];
}

/** Shared by all use cases of one check: the inputs, and caches keyed by profile. */
export interface Context {
  knowledge: Knowledge;
  policy: Policy;
  today: string;
  parsed: ParsedYaml;
  itemIds: string[];
  items: Set<string>;
  /** Rankings by weight plan (load shares one plan object among equal profiles) and by its content. */
  rankings: Map<object, Scored>;
  rankingsByContent: Map<string, Scored>;
  checklists: Map<string, ChecklistEntry[]>;
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

export function createContext(knowledge: Knowledge, loaded: LoadedStack, today: string): Context {
  return {
    knowledge,
    policy: loaded.policy,
    today,
    parsed: loaded.parsed,
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
function fingerprint(rule: RuleId, useCase: string, subject: string): string {
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

/** Text from the stack file, safe to print and kept on one line (a finding is one line). */
const oneLine = (text: string) => sanitize(text).replace(/\s+/g, ' ').trim();
const quote = (text: string) => `"${oneLine(text)}"`;
const listOf = (items: readonly string[]) => (items.length > 0 ? items.map(oneLine).join(', ') : 'nothing');
const blank = (value: string | string[] | undefined) =>
  value === undefined || (Array.isArray(value) ? value.every((v) => v.trim() === '') : value.trim() === '');

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export interface Evaluation {
  report: UseCaseReport;
  findings: Finding[];
}

/**
 * `occurrence` counts the use cases with the same id so far (1 for the first): duplicates must
 * not share fingerprints, and the first keeps the plain id's.
 */
export function evaluateUseCase(ctx: Context, useCase: UseCaseEntry, index: number, resolved: LoadedStack['profiles'][number], occurrence = 1): Evaluation {
  const { knowledge, policy, parsed } = ctx;
  const id = useCase.id;
  const fingerprintId = occurrence === 1 ? id : `${id}#${occurrence}`;
  const base: PathSegment[] = ['use_cases', index];
  const findings: Finding[] = [];
  const add = (rule: RuleId, path: PathSegment[], key: boolean, subject: string, message: string) => {
    findings.push({ rule, level: LEVELS.get(rule)!, message, useCase: id, index, file: parsed.file, ...parsed.locate([...base, ...path], key), fingerprint: fingerprint(rule, fingerprintId, subject) });
  };

  const scored = scoreOnce(ctx, resolved);
  const { ranking, eligible } = scored;
  const family = useCase.choice.family;
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

  governanceFindings(ctx, useCase, resolved, add);
  vendorFindings(policy, useCase, add);

  const decided = useCase.decided_with;
  if (decided && decided.knowledge_sha256 !== knowledge.sha256) {
    const recorded = decided.family ?? family;
    if (best?.family !== recorded) {
      const then = `${decided.knowledge_version !== undefined ? `${oneLine(decided.knowledge_version)} ` : ''}(sha256 ${decided.knowledge_sha256.slice(0, 12)})`;
      const now = best ? `ranks ${best.family} first` : 'finds no eligible family';
      add('knowledge/drift', ['decided_with'], true, 'decided_with', `decided with knowledge ${then}, when ${recorded} ranked first; the current knowledge ${knowledge.version} (sha256 ${knowledge.sha256.slice(0, 12)}) ${now}`);
    }
  }

  const position = parsed.locate(base);
  const report: UseCaseReport = {
    id,
    index,
    ...position,
    ...(useCase.description !== undefined ? { description: oneLine(useCase.description) } : {}),
    family,
    rank,
    score: chosen.score,
    best: best ? { family: best.family, score: best.score } : null,
    errors: 0,
    warnings: 0,
  };
  return { report, findings };
}

/**
 * A ranking depends only on the modality and the weight plan, and large stacks share few of
 * those (10,000 generated use cases have about 300), so each is ranked once.
 */
function scoreOnce(ctx: Context, resolved: LoadedStack['profiles'][number]): Scored {
  let scored = ctx.rankings.get(resolved.plan);
  if (scored) return scored;
  const key = `${resolved.profile.modality}\u0000${JSON.stringify(resolved.plan)}`;
  scored = ctx.rankingsByContent.get(key);
  if (!scored) {
    const { ranking } = rankFamilies(ctx.knowledge, resolved.profile, resolved.plan);
    scored = { ranking, eligible: ranking.filter((r) => r.eligible) };
    ctx.rankingsByContent.set(key, scored);
  }
  ctx.rankings.set(resolved.plan, scored);
  return scored;
}

type Add = (rule: RuleId, path: PathSegment[], key: boolean, subject: string, message: string) => void;

function governanceFindings(ctx: Context, useCase: UseCaseEntry, resolved: LoadedStack['profiles'][number], add: Add): void {
  const family = useCase.choice.family;
  const profile = resolved.profile as unknown as Record<string, unknown>;
  let cacheKey = '';
  for (const key of ctx.factKeys) {
    const value = key === 'family' ? family : profile[key];
    cacheKey += `${typeof value === 'object' ? JSON.stringify(value) : String(value)}\u0000`;
  }
  let checklist = ctx.checklists.get(cacheKey);
  if (!checklist) {
    checklist = selectChecklist(ctx.knowledge.governance, resolved.profile, family);
    ctx.checklists.set(cacheKey, checklist);
  }
  const statuses = useCase.governance ?? {};
  if (ctx.policy.require_checklist) {
    for (const entry of checklist) {
      if (Object.hasOwn(statuses, entry.id)) continue;
      add('governance/missing', ['governance'], true, `governance.${entry.id}`, `"${entry.id}" has no status: ${entry.title} (${entry.severity})`);
    }
  }
  for (const [item, entry] of Object.entries(statuses)) {
    const path = ['governance', item];
    if (!ctx.items.has(item)) {
      add('governance/unknown-item', path, true, `governance.${item}`, `"${item}" is not a checklist item.${didYouMean(item, ctx.itemIds)}`);
      continue;
    }
    statusFindings(ctx.today, item, entry, path, add);
  }
}

function statusFindings(today: string, item: string, entry: StatusEntry, path: string[], add: Add): void {
  const subject = `governance.${item}`;
  switch (entry.status) {
    case 'done':
      if (blank(entry.evidence)) add('governance/evidence', path, false, subject, `"${item}" is done but names no evidence: add evidence: <link, path or ticket>`);
      break;
    case 'planned':
      if (entry.due === undefined) add('governance/evidence', path, false, subject, `"${item}" is planned without a due date: add due: YYYY-MM-DD`);
      else if (entry.due < today) add('governance/evidence', [...path, 'due'], false, subject, `"${item}" was due ${entry.due} and is still planned (overdue)`);
      else add('governance/planned', [...path, 'due'], false, subject, `"${item}" is planned, due ${entry.due}`);
      break;
    case 'not-applicable':
      if (blank(entry.reason)) add('governance/evidence', path, false, subject, `"${item}" is not-applicable without a reason: add reason: <why it does not apply>`);
      break;
  }
}

function vendorFindings(policy: Policy, useCase: UseCaseEntry, add: Add): void {
  const { hosting, license } = useCase.choice;
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

/** A finding on every use case that shares its id with another: none of them is "the" original. */
export function duplicateIdFindings(loaded: LoadedStack): Finding[] {
  const byId = new Map<string, number[]>();
  loaded.stack.use_cases.forEach((useCase, index) => {
    const indices = byId.get(useCase.id);
    if (indices) indices.push(index);
    else byId.set(useCase.id, [index]);
  });
  const findings: Finding[] = [];
  for (const [id, indices] of byId) {
    if (indices.length < 2) continue;
    const lines = indices.map((i) => loaded.parsed.locate(['use_cases', i, 'id']).line);
    indices.forEach((index, occurrence) => {
      findings.push({
        rule: 'stack/duplicate-id',
        level: LEVELS.get('stack/duplicate-id')!,
        message: `id "${id}" is used by ${indices.length} use cases (lines ${lines.join(', ')}); ids must be unique`,
        useCase: id,
        index,
        file: loaded.parsed.file,
        ...loaded.parsed.locate(['use_cases', index, 'id']),
        fingerprint: fingerprint('stack/duplicate-id', id, `occurrence ${occurrence + 1}`),
      });
    });
  }
  return findings;
}
