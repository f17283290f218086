import { LEVELS, type FamilyId, type Knowledge, type Level, type Profile } from '../knowledge/types.js';
import { flagName } from '../profile/table.js';
import { rankFamilies } from './rank.js';
import { applicableWeights } from './weights.js';
import { shiftWeight } from './robustness.js';
import { pointsFor, rawScore, round } from './score.js';
import type { Knockout, RankedAdvice, RatingMatrix, Weights } from './types.js';

/** One criterion's share of the gap: the family's points minus the winner's (negative = it loses there). */
export interface CriterionDifference {
  criterion: string;
  weight: number;
  rating: number;
  winnerRating: number;
  points: number;
}

export interface KnockoutCause extends Knockout {
  /** The answers that set the requirement ("latency is realtime"); empty for a fit knockout. */
  because: string[];
}

/** The family takes first place once this criterion's weight passes `to` (the others keep their proportions). */
export interface WeightChange {
  criterion: string;
  from: number;
  to: number;
  direction: 'above' | 'below';
  /** The family leads the whole eligible field while the weight stays inside this range. */
  range: [number, number];
}

/** One answer changed, everything else kept: the family then ranks first. */
export type { AnswerChange } from '../schemas/recommend-document.js';
import type { AnswerChange } from '../schemas/recommend-document.js';

export type WhyNotVerdict =
  /** It is the recommendation. */
  | 'winner'
  /** Knocked out by the modality or a requirement. */
  | 'ineligible'
  /** Eligible and behind, and some single change would put it first. */
  | 'behind'
  /** Eligible and behind, and no single weight or answer change would put it first. */
  | 'unreachable';

export interface WhyNot {
  family: FamilyId;
  /** The recommended family; null when no family is eligible. */
  winner: FamilyId | null;
  verdict: WhyNotVerdict;
  /** Its place among the eligible families; null when it is ruled out. */
  rank: number | null;
  /** How many families are eligible, and so ranked. */
  outOf: number;
  eligible: boolean;
  score: number;
  winnerScore: number;
  /** Points behind the winner (the displayed scores' difference). */
  gap: number;
  /** Per weighted criterion, largest effect first; the points sum to score − winnerScore (±0.1). */
  differences: CriterionDifference[];
  knockouts: KnockoutCause[];
  /** Rated at or below the winner on every criterion that carries weight. */
  dominated: boolean;
  /** Criteria where the family outrates the winner, weighted or not. */
  strongerOn: string[];
  weightChanges: WeightChange[];
  answerChanges: AnswerChange[];
  /** When unreachable: per criterion in strongerOn, the family that would lead if that criterion were all that counted. */
  blockers: Array<{ criterion: string; leader: FamilyId }>;
}

/** At most this many answer changes are reported; the search itself is exhaustive. */
export const MAX_ANSWER_CHANGES = 6;

const score = (matrix: RatingMatrix, family: FamilyId, weights: Weights) => rawScore(matrix[family], weights);

/**
 * The range of one criterion's weight in which `family` strictly leads every rival. Every
 * score is linear in that weight (shiftWeight keeps the others' proportions), so each rival
 * bounds the range from one side and the intersection is exact.
 */
export function leadRange(matrix: RatingMatrix, weights: Weights, criterion: string, family: FamilyId, rivals: readonly FamilyId[]): [number, number] | undefined {
  let lo = 0;
  let hi = 1;
  const at = (f: FamilyId, t: number) => score(matrix, f, shiftWeight(weights, criterion, t));
  for (const rival of rivals) {
    const a = at(family, 0) - at(rival, 0);
    const b = at(family, 1) - at(rival, 1) - a;
    if (Math.abs(b) < 1e-12) {
      if (a <= 1e-9) return undefined;
      continue;
    }
    const t = -a / b;
    if (b > 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
  }
  // A single point of equality is a tie, which the ranking breaks; it is not a lead.
  return hi - lo > 1e-9 ? [lo, hi] : undefined;
}

function causes(rec: RankedAdvice, knockouts: Knockout[]): KnockoutCause[] {
  return knockouts.map((k) => {
    const because = k.kind === 'requirement' ? rec.plan.requirements.filter((r) => r.criterion === k.criterion && k.rating < r.min).map((r) => r.because) : [];
    return { ...k, because };
  });
}

function weightChanges(rec: RankedAdvice, family: FamilyId, rivals: FamilyId[]): WeightChange[] {
  const weights = applicableWeights(rec.plan);
  const changes: WeightChange[] = [];
  for (const criterion of Object.keys(weights)) {
    const range = leadRange(rec.matrix, weights, criterion, family, rivals);
    if (!range) continue;
    const from = weights[criterion] ?? 0;
    // Inside the range already means the family leads on unrounded scores and lost only the
    // ranking's tie-break on rounded ones; any move that widens its lead then suffices.
    const inside = range[0] < from && from < range[1];
    const direction = inside ? (from - range[0] <= range[1] - from ? 'above' : 'below') : range[0] >= from ? 'above' : 'below';
    const to = inside ? from : direction === 'above' ? range[0] : range[1];
    changes.push({ criterion, from: round(from, 4), to: round(to, 3), direction, range: [round(range[0], 3), round(range[1], 3)] });
  }
  return changes.sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from) || a.criterion.localeCompare(b.criterion));
}

function priorityFlags(priorities: Record<string, Level>): string {
  const list = Object.entries(priorities).map(([c, l]) => `${c}=${l}`);
  return list.length > 0 ? `--priority ${list.join(',')}` : '';
}

/** Every profile one answer away, except the use case itself (required answers such as modality and task). */
function neighbours(knowledge: Knowledge, profile: Profile): Array<{ key: string; from: string; to: string; flags: string; rank: number; profile: Profile }> {
  const out: Array<{ key: string; from: string; to: string; flags: string; rank: number; profile: Profile }> = [];
  const answers = profile as unknown as Record<string, unknown>;
  for (const question of knowledge.questions) {
    if (question.required) continue;
    const current = answers[question.key];
    if (question.kind === 'choice') {
      const choices = question.choices ?? [];
      const at = choices.findIndex((c) => c.value === current);
      for (const [i, choice] of choices.entries()) {
        if (choice.value === current) continue;
        // The neighbouring choice (realtime → interactive) is a smaller ask than a far one (→ batch).
        const rank = at < 0 ? 0 : Math.abs(i - at) - 1;
        out.push({ key: question.key, from: String(current), to: choice.value, flags: `--${flagName(question)} ${choice.value}`, rank, profile: { ...profile, [question.key]: choice.value } });
      }
    } else if (question.kind === 'boolean') {
      const to = current !== true;
      out.push({ key: question.key, from: String(current === true), to: String(to), flags: `--${to ? '' : 'no-'}${flagName(question)}`, rank: 0, profile: { ...profile, [question.key]: to } });
    } else if (question.kind === 'priorities') {
      for (const criterion of Object.keys(knowledge.criteria)) {
        const current = profile.priorities[criterion];
        for (const level of LEVELS) {
          if (level === current) continue;
          const priorities = { ...profile.priorities, [criterion]: level };
          // A smaller step in importance is the smaller change to ask of the user.
          const rank = current === undefined ? 2 : Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(current));
          out.push({ key: `${question.key}.${criterion}`, from: current ?? '(not set)', to: level, flags: priorityFlags(priorities), rank, profile: { ...profile, priorities } });
        }
      }
    }
  }
  return out;
}

/** A profile one answer away, and who would lead it (eligible families only). */
export interface AnswerOption extends AnswerChange {
  family: FamilyId;
  rank: number;
}

/**
 * Every profile one answer away that leaves some family eligible, with the family that would
 * then rank first, ranked by the engine (rankFamilies), as recommend ranks.
 */
export function scanAnswerChanges(knowledge: Knowledge, profile: Profile): AnswerOption[] {
  const found: AnswerOption[] = [];
  for (const candidate of neighbours(knowledge, profile)) {
    let ordered;
    try {
      ordered = rankFamilies(knowledge, candidate.profile).ranking;
    } catch {
      continue; // e.g. every criterion at none: not a profile anyone can score
    }
    const [first, second] = ordered;
    if (!first) continue;
    const margin = second ? round(first.score - second.score, 1) : first.score;
    found.push({ key: candidate.key, from: candidate.from, to: candidate.to, flags: candidate.flags, score: first.score, margin, ...(second ? {} : { alone: true as const }), family: first.family, rank: candidate.rank });
  }
  return found;
}

/**
 * The smallest answer changes that put `family` first (eligible); with `family` undefined,
 * those that make any family eligible, each naming the family that would then lead.
 */
export function answerChangesFor(knowledge: Knowledge, profile: Profile, family?: FamilyId, options: AnswerOption[] = scanAnswerChanges(knowledge, profile)): AnswerChange[] {
  return options
    .filter((o) => family === undefined || o.family === family)
    .sort((a, b) => a.rank - b.rank || b.margin - a.margin || a.key.localeCompare(b.key) || a.to.localeCompare(b.to))
    .slice(0, MAX_ANSWER_CHANGES)
    .map(({ rank: _, family: leader, ...change }) => (family === undefined ? { ...change, family: leader } : change));
}

/** The family that leads the eligible field when `criterion` is all that counts. */
function leaderAlone(rec: RankedAdvice, criterion: string, eligible: FamilyId[]): FamilyId {
  const weights = shiftWeight(applicableWeights(rec.plan), criterion, 1);
  let best = eligible[0]!;
  for (const f of eligible) if (score(rec.matrix, f, weights) > score(rec.matrix, best, weights) + 1e-9) best = f;
  return best;
}

/**
 * A contrastive explanation of `family` against the recommended one: where the points went,
 * what knocked it out and which answer asked for that, and what single change to the weights
 * or the answers would put it first, or that none would. Pure.
 */
export function whyNot(rec: RankedAdvice, family: FamilyId): WhyNot {
  const winner = rec.ranking[0];
  const ranked = rec.ranking.find((r) => r.family === family);
  const entry = ranked ?? rec.ruledOut.find((r) => r.family === family)!;
  const weights = applicableWeights(rec.plan);
  const rating = (f: FamilyId, c: string) => rec.matrix[f][c] ?? 3;
  const criteria = Object.keys(weights);
  if (!winner) {
    // Nothing is eligible, so there is no one to contrast with: only the knockouts and the way out.
    return {
      family, winner: null, verdict: 'ineligible', rank: null, outOf: 0, eligible: false, score: entry.score, winnerScore: 0, gap: 0,
      differences: [], knockouts: causes(rec, entry.knockouts), dominated: false, strongerOn: [], weightChanges: [],
      answerChanges: answerChangesFor(rec.knowledge, rec.profile, family), blockers: [],
    };
  }
  const differences = criteria
    .filter((c) => (weights[c] ?? 0) > 0)
    .map((c) => ({
      criterion: c,
      weight: round(weights[c]!, 4),
      rating: rating(family, c),
      winnerRating: rating(winner.family, c),
      points: round(pointsFor(weights[c]!, rating(family, c)) - pointsFor(weights[c]!, rating(winner.family, c)), 2),
    }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || criteria.indexOf(a.criterion) - criteria.indexOf(b.criterion));
  const strongerOn = criteria.filter((c) => rating(family, c) > rating(winner.family, c));
  const dominated = differences.every((d) => d.rating <= d.winnerRating);
  const base = {
    family,
    winner: winner.family,
    rank: ranked?.rank ?? null,
    outOf: rec.ranking.length,
    eligible: entry.eligible,
    score: entry.score,
    winnerScore: winner.score,
    gap: round(winner.score - entry.score, 1),
    differences,
    knockouts: causes(rec, entry.knockouts),
    dominated,
    strongerOn,
  };
  if (family === winner.family && entry.eligible) {
    return { ...base, verdict: 'winner', weightChanges: [], answerChanges: [], blockers: [] };
  }
  const eligible = rec.ranking.filter((r) => r.eligible).map((r) => r.family);
  const changes = entry.eligible ? weightChanges(rec, family, eligible.filter((f) => f !== family)) : [];
  const answers = answerChangesFor(rec.knowledge, rec.profile, family);
  if (!entry.eligible) return { ...base, verdict: 'ineligible', weightChanges: [], answerChanges: answers, blockers: [] };
  if (changes.length + answers.length > 0) return { ...base, verdict: 'behind', weightChanges: changes, answerChanges: answers, blockers: [] };
  const blockers = strongerOn.map((criterion) => ({ criterion, leader: leaderAlone(rec, criterion, eligible) }));
  return { ...base, verdict: 'unreachable', weightChanges: [], answerChanges: [], blockers };
}
