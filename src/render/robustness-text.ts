import type { FamilyId, Knowledge } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import type { Flip, Robustness } from '../scoring/robustness.js';
import { compareIds } from '../util/compare-ids.js';

const shortName = (knowledge: Knowledge, id: FamilyId) => knowledge.families[id]?.short_name ?? id;

/** The flip that needs the smallest move of one weight: the nearest way to lose. */
export function nearestFlip(robustness: Robustness): Flip | undefined {
  return [...robustness.flips].sort((a, b) => Math.abs(a.weight - a.from) - Math.abs(b.weight - b.from) || compareIds(a.criterion, b.criterion))[0];
}

/** Robustness concerns the eligible families only. "Diffusion leads Transformer by 14.1 points and stays first in 93% of nearby weightings (stable). It would lose to GAN if speed weighed above 0.41 (now 0.12)." */
export function robustnessSentence(rec: Recommendation): string {
  const { robustness, ranking, knowledge } = rec;
  const winner = ranking[0];
  // Nothing eligible: the verdict (verdict-text.ts) says so; robustness has nothing to measure.
  if (!winner) return '';
  const name = (id: FamilyId) => shortName(knowledge, id);
  if (robustness.runnerUp === null) {
    return `${name(winner.family)} is the only eligible family, so no weighting can change the winner (${robustness.label}); only a different answer could.`;
  }
  // 99.9% must not read as 100%: "always" is a stronger claim than the sample supports.
  const share = robustness.winnerShare < 1 && robustness.winnerShare >= 0.995 ? (robustness.winnerShare * 100).toFixed(1) : String(Math.round(robustness.winnerShare * 100));
  const lead =
    robustness.label === 'tie'
      ? `${name(winner.family)} and ${name(robustness.runnerUp)} are ${robustness.margin.toFixed(1)} points apart (tie): treat them as equals; ${name(winner.family)} stays first in ${share}% of nearby weightings.`
      : `${name(winner.family)} leads ${name(robustness.runnerUp)} by ${robustness.margin.toFixed(1)} points and stays first in ${share}% of nearby weightings (${robustness.label}).`;
  const nearest = nearestFlip(robustness);
  if (!nearest) return `${lead} No single criterion's weight would change the winner.`;
  // At two decimals a flip this close reads as "above 0.25 (now 0.25)"; say what it means.
  if (Math.abs(nearest.weight - nearest.from) < 0.005) {
    const move = nearest.direction === 'above' ? 'increase' : 'decrease';
    return `${lead} Any ${move} in ${nearest.criterion}'s weight (now ${nearest.from.toFixed(2)}) would hand first place to ${name(nearest.newWinner)}.`;
  }
  return `${lead} It would lose to ${name(nearest.newWinner)} if ${nearest.criterion} weighed ${nearest.direction} ${nearest.weight.toFixed(2)} (now ${nearest.from.toFixed(2)}).`;
}

/** What "nearby" means, in numbers a reader can check: the distribution, its spread, the samples and the seed. */
export function neighbourhoodSentence(rec: Recommendation): string {
  const { neighbourhood } = rec.robustness;
  const [criterion, weight] = Object.entries(rec.plan.weights).sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))[0] ?? ['', 0];
  const spread = Math.sqrt((weight * (1 - weight)) / (neighbourhood.concentration + 1));
  return (
    `Nearby weightings: ${neighbourhood.samples} draws from a Dirichlet distribution centred on your weights ` +
    `(concentration ${neighbourhood.concentration}, seed ${neighbourhood.seed}): ${criterion} at ${weight.toFixed(2)} moves by about ±${spread.toFixed(2)}; ` +
    'criteria you gave no weight stay at zero.'
  );
}
