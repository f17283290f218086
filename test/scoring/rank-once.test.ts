import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { rankFamilies, rankPlan, rankPlanOnce } from '../../src/scoring/rank.js';
import { deriveWeights } from '../../src/scoring/weights.js';
import { makeProfile } from '../helpers/profile.js';

describe('rankPlanOnce', () => {
  const plan = deriveWeights(builtinKnowledge, makeProfile({ modality: 'image' }));

  it('ranks as rankFamilies does, once per plan: profiles that differ in nothing ranking reads share it', () => {
    const first = rankPlanOnce(builtinKnowledge, plan);
    expect(first).toEqual(rankFamilies(builtinKnowledge, makeProfile({ modality: 'image' })));
    // The sector changes the checklist, not the weights.
    expect(rankPlanOnce(builtinKnowledge, deriveWeights(builtinKnowledge, makeProfile({ modality: 'image', sector: 'healthcare' })))).toBe(first);
  });

  it('ranks afresh when the plan or the knowledge changes', () => {
    const first = rankPlanOnce(builtinKnowledge, plan);
    // A hard requirement the leader misses rules it out.
    const top = first.ranking[0]!.family;
    const weakest = Object.entries(first.matrix[top]).sort((a, b) => a[1] - b[1])[0]![0];
    const required = { ...plan, requirements: [...plan.requirements, { criterion: weakest, min: 5, because: 'it is essential' }] };
    const strict = rankPlanOnce(builtinKnowledge, required);
    expect(strict).toEqual(rankPlan(builtinKnowledge, required));
    expect(strict.ruledOut.map((r) => r.family)).toContain(top);
    const text = deriveWeights(builtinKnowledge, makeProfile({ modality: 'text' }));
    expect(rankPlanOnce(builtinKnowledge, text)).toEqual(rankFamilies(builtinKnowledge, makeProfile({ modality: 'text' })));
    expect(rankPlanOnce(builtinKnowledge, text).matrix).not.toEqual(first.matrix);

    // Another knowledge object whose leader rates 1 on everything: the memo must not serve the old ranking.
    const families = structuredClone(builtinKnowledge.families);
    for (const rating of Object.values(families[top].ratings)) rating.value = 1;
    const changed = { ...builtinKnowledge, families };
    const again = rankPlanOnce(changed, plan);
    expect(again).not.toBe(first);
    expect(again).toEqual(rankFamilies(changed, makeProfile({ modality: 'image' })));
    expect(again.ranking[0]?.family).not.toBe(top);
  });
});
