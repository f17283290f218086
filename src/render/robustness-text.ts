import type { Recommendation } from '../recommend.js';

/** "Diffusion stays first in 93% of nearby weightings; it would lose to GAN if speed weighed above 0.41." */
export function robustnessSentence(rec: Recommendation): string {
  const { robustness, ranking, knowledge } = rec;
  const winner = ranking[0];
  if (!winner) return '';
  const name = (id: string) => knowledge.families[id as keyof typeof knowledge.families]?.short_name ?? id;
  const eligible = ranking.filter((r) => r.eligible);
  if (eligible.length < 2) {
    return `${name(winner.family)} is the only eligible family, so no weighting can change the winner (${robustness.label}).`;
  }
  const runnerUp = eligible[1]!;
  const share = Math.round(robustness.winnerShare * 100);
  const lead =
    robustness.label === 'tie'
      ? `${name(winner.family)} and ${name(runnerUp.family)} are tied within ${robustness.margin.toFixed(1)} points: treat them as equals.`
      : `${name(winner.family)} leads ${name(runnerUp.family)} by ${robustness.margin.toFixed(1)} points and stays first in ${share}% of nearby weightings (${robustness.label}).`;
  const nearest = [...robustness.flips].sort(
    (a, b) => Math.abs(a.weight - (rec.plan.weights[a.criterion] ?? 0)) - Math.abs(b.weight - (rec.plan.weights[b.criterion] ?? 0)),
  )[0];
  if (!nearest) return `${lead} No single criterion's weight would change the winner.`;
  const current = rec.plan.weights[nearest.criterion] ?? 0;
  const direction = nearest.weight > current ? 'above' : 'below';
  return `${lead} It would lose to ${name(nearest.newWinner)} if ${nearest.criterion} weighed ${direction} ${nearest.weight.toFixed(2)} (now ${current.toFixed(2)}).`;
}
