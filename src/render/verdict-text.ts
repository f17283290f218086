import type { FamilyId, Knowledge } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import { taskChoice } from '../scoring/fit.js';
import type { RobustnessLabel } from '../scoring/robustness.js';
import type { Knockout } from '../scoring/types.js';

const shortName = (knowledge: Knowledge, id: FamilyId) => knowledge.families[id]?.short_name ?? id;

/** A knockout reason without its rationale: "cannot practically generate image (fit 2/5)". */
export const shortReason = (reason: string) => reason.split(': ')[0]!;

/**
 * When nothing is eligible: say so, name the closest family and what it misses, and the
 * answer to relax. Empty when a family is recommended.
 */
export function noneEligibleSentence(rec: Recommendation): string {
  const { verdict } = rec;
  if (verdict.status !== 'none-eligible') return '';
  if (verdict.closest === null) return 'No family is eligible for this profile, so nothing is recommended.';
  return `No family is eligible for this profile, so nothing is recommended. ${closestSentence(rec)}`;
}

/** When nothing is eligible: the closest family, what it misses, and the answer to relax. */
export function closestSentence(rec: Recommendation): string {
  const { verdict, knowledge } = rec;
  if (verdict.status !== 'none-eligible' || verdict.closest === null) return '';
  const closest = shortName(knowledge, verdict.closest);
  const misses = verdict.misses.map((k) => shortReason(k.reason)).join('; ');
  const out = [`The closest is ${closest}, which misses: ${misses}.`];
  const [first] = verdict.relax;
  const hard = knowledge.questions.find((q) => q.kind === 'criteria')?.key;
  if (first && hard !== undefined && first.key.startsWith(`${hard}.`)) {
    // The one requirement whose relaxing brings a family back, and that family.
    const who = shortName(knowledge, first.family ?? verdict.closest);
    out.push(`Drop the hard requirement on ${first.key.slice(hard.length + 1)} (${first.flags}) and ${who} becomes eligible, ranking first with ${first.score.toFixed(1)}.`);
  } else if (first) {
    const who = shortName(knowledge, first.family ?? verdict.closest);
    const what = first.key.startsWith('priorities.') ? `the ${first.key.slice('priorities.'.length)} priority` : first.key.replace(/_/g, ' ');
    out.push(`Relax ${what} (${first.from === '(not set)' ? 'not set' : first.from} → ${first.to}: ${first.flags}) and ${who} ranks first with ${first.score.toFixed(1)}.`);
  } else {
    out.push('No single other answer makes a family eligible: the modality or the task itself rules every family out.');
  }
  return out.join(' ');
}

/** The task's own caveat (anomaly detection: compare against a non-generative detector). */
export function taskNote(rec: Recommendation): string | undefined {
  return taskChoice(rec.knowledge, rec.profile.task)?.note;
}

/** "Note: …" lines for families that overlap, when either is in play. */
export function overlapLines(notes: ReadonlyArray<{ note: string }>): string[] {
  return notes.map((o) => `Note: ${o.note}`);
}

/** How sure the advice is: the robustness label, or `only` when no other family is eligible. */
export type Certainty = 'only' | RobustnessLabel;

export const certainty = (rec: Recommendation): Certainty => (rec.robustness.runnerUp === null ? 'only' : rec.robustness.label);

/** The same certainty as a heading, for the HTML report; the label itself stays in the JSON. */
export const CERTAINTY_HEADINGS: Record<Certainty, string> = {
  only: 'The only family that fits',
  stable: 'A clear choice',
  fragile: 'A close call: weigh the runner-up too',
  tie: 'Too close to call: treat the top two as equals',
};

/**
 * The one-sentence verdict that opens the summary: the family, its score and how sure the
 * advice is, in words (the robustness label behind it is explained under --details).
 */
export function verdictLine(rec: Recommendation): string {
  const { ranking, robustness, knowledge } = rec;
  const winner = ranking[0];
  if (!winner) return 'Nothing fits: no family is eligible for this profile.';
  const head = `Recommended: ${shortName(knowledge, winner.family)} (${winner.score.toFixed(1)} of 100)`;
  const sure = certainty(rec);
  const runnerUp = ranking.find((r) => r.family === robustness.runnerUp);
  if (sure === 'only' || !runnerUp) return `${head}, the only family that fits.`;
  const other = `${shortName(knowledge, runnerUp.family)} (${runnerUp.score.toFixed(1)})`;
  if (sure === 'tie') return `${head}, tied with ${other}: treat them as equals.`;
  if (sure === 'fragile') return `${head}, a close call with ${other}.`;
  return `${head}, clearly ahead of ${other}.`;
}

/**
 * A knockout in a few plain words for the summary, as a cause: "cannot generate text", "not
 * suited to conversation on text", "sampling too slow for real time (speed 2, real time needs
 * 4)", or, where the knowledge rates this kind of model under another family, "rated under
 * Transformer for text, code and multimodal" (never "cannot").
 */
export function plainReason(rec: Recommendation, knockout: Knockout): string {
  const { modality, task } = rec.profile;
  if (knockout.ratedUnder !== undefined) return shortReason(knockout.reason);
  if (knockout.kind === 'modality') return `cannot generate ${modality}`;
  if (knockout.kind === 'task') return `not suited to ${(taskChoice(rec.knowledge, task)?.label ?? task).toLowerCase()} on ${modality}`;
  return knockout.reason;
}

/**
 * The hard requirements as the profile lines show them: "speed (needs 4/5)", and where the
 * task renames or drops one, that too. Empty when the user marked none.
 */
export function hardRequirementsText(rec: Pick<Recommendation, 'knowledge' | 'profile' | 'plan'>): string {
  const question = rec.knowledge.questions.find((q) => q.kind === 'criteria');
  const required = question ? ((rec.profile as unknown as Record<string, unknown>)[question.key] as string[] | undefined) ?? [] : [];
  if (required.length === 0) return '';
  const taskLabel = taskChoice(rec.knowledge, rec.profile.task)?.label.toLowerCase() ?? rec.profile.task;
  const items = required.map((c) => {
    if (rec.plan.notApplicable.includes(c)) return `${c} (not used for ${taskLabel})`;
    const to = rec.plan.renamed[c];
    return to ? `${c} (as ${to} for ${taskLabel})` : c;
  });
  return `hard requirements: ${items.join(', ')} (each ${question!.min_rating}/5 or better)`;
}
