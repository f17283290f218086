// The library API (src/index.ts): the same advice as the CLI, errors located like the CLI's.
import { describe, expect, it } from 'vitest';
import { DiagnosticsError, UsageError, advise, builtinKnowledge, loadKnowledge, recommend, recommendationDocument, resolveProfile } from '../src/index.js';
import { renderJson } from '../src/render/recommend-json.js';
import { runInProcess } from './helpers/run.js';
import { TODAY } from './helpers/today.js';

describe('library API', () => {
  it('gives byte for byte what `--format json` prints', async () => {
    const cli = await runInProcess(['--use-case', 'marketing-visuals', '--sensitive-data', '--no-input', '--format', 'json']);
    expect(cli.code).toBe(0);
    const rec = advise({ use_case: 'marketing-visuals', sensitive_data: true }, TODAY);
    expect(renderJson(recommendationDocument(rec))).toBe(cli.stdout);
  });

  it('resolves answers like an answers file: preset, then defaults', () => {
    const profile = resolveProfile({ use_case: 'customer-support-chatbot', latency: 'batch' });
    expect(profile).toMatchObject({ use_case: 'customer-support-chatbot', modality: 'text', task: 'conversation', latency: 'batch', sector: 'general' });
    const rec = recommend(builtinKnowledge, profile, { today: TODAY });
    expect(rec.ranking.length + rec.ruledOut.length).toBe(7);
    expect(rec.ranking[0]!.family).toBe('transformer');
  });

  it('rejects an unknown value with a did-you-mean, and missing answers with a usage error', () => {
    expect(() => resolveProfile({ modality: 'imag', task: 'generate' })).toThrow(DiagnosticsError);
    expect(() => resolveProfile({ modality: 'imag', task: 'generate' })).toThrow(/did you mean "image"/i);
    expect(() => resolveProfile({ modality: 'image' })).toThrow(UsageError);
  });

  it('merges overlay texts over the built-in knowledge, later ones winning', () => {
    const knowledge = loadKnowledge([
      { file: 'a.yaml', text: 'families:\n  gan:\n    ratings: { speed: 1 }\n' },
      { file: 'b.yaml', text: 'families:\n  gan:\n    ratings: { speed: 2 }\n' },
    ]);
    expect(knowledge.families.gan.ratings.speed?.value).toBe(2);
    expect(knowledge.sha256).not.toBe(builtinKnowledge.sha256);
    expect(loadKnowledge()).toBe(builtinKnowledge);
  });

  it('reports every overlay problem with file:line:col', () => {
    const bad = () => loadKnowledge([{ file: 'team.yaml', text: 'families:\n  gan:\n    ratings: { speed: 9 }\n' }]);
    expect(bad).toThrow(DiagnosticsError);
    expect(bad).toThrow(/^team\.yaml:3:\d+: /);
  });
});
