import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type Answers, familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { renderRecommendMarkdown, rerunCommand } from '../../src/render/recommend-markdown.js';
import { whyNot } from '../../src/scoring/why-not.js';
import { goldenRecommendation } from '../helpers/golden-knowledge.js';
import { TODAY } from '../helpers/today.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const knowledge = builtinKnowledge;
const profileOf = (answers: Answers) => completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };

const clear = recommend(knowledge, profileOf({ modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'medium' }, customer_facing: true }), { today: TODAY });

describe('renderRecommendMarkdown (the decision record)', () => {
  it('matches the golden record (fixture knowledge: test/helpers/golden-knowledge.ts)', async () => {
    const golden = goldenRecommendation();
    await expect(renderRecommendMarkdown(golden, { tool: TOOL, whyNot: whyNot(golden, 'gan') })).toMatchFileSnapshot('golden/decision-record.md');
  });

  it('has the MADR sections in order', () => {
    const md = renderRecommendMarkdown(clear, { tool: TOOL });
    const headings = md.split('\n').filter((l) => /^## /.test(l));
    expect(headings).toEqual([
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '## Pros and Cons of the Options',
      '## More Information',
    ]);
    expect(md.startsWith(`---\nstatus: proposed\ngenerated-by: genai-advisor 0.0.0-test (knowledge ${knowledge.version})\n---\n\n# Image · Generate: use Diffusion models\n`)).toBe(true);
  });

  it('considers all seven families: the eligible ranked, the ruled-out listed apart, each with its pros and cons', () => {
    const md = renderRecommendMarkdown(clear, { tool: TOOL });
    const options = md.slice(md.indexOf('## Considered Options'), md.indexOf('## Decision Outcome'));
    for (const id of FAMILY_IDS) expect(options).toContain(`(\`${id}\`)`);
    const [ranked, ruledOut] = options.split('Ruled out, not ranked:');
    for (const r of clear.ranking) expect(ranked).toContain(`${r.rank}. ${r.name} (\`${r.family}\`)`);
    for (const r of clear.ruledOut) expect(ruledOut).toMatch(new RegExp(`^- ${r.name} \\(\`${r.family}\`\\): `, 'm'));
    for (const id of FAMILY_IDS) expect(md).toContain(`### ${knowledge.families[id].name}\n`);
    expect(md).toMatch(/- Bad, because little variety in outputs \(variety of outputs 2\/5 at 14% weight/);
    expect(md).toMatch(/- Bad, because it is ruled out: cannot practically generate image/);
  });

  it('states the robustness with its neighbourhood and thresholds, and the governance checklist as boxes', () => {
    const md = renderRecommendMarkdown(clear, { tool: TOOL });
    expect(md).toContain('- Label: **stable**. Declared thresholds: a tie below a margin of 1 point;');
    expect(md).toContain('draws from a Dirichlet distribution centred on your weights (concentration 50, seed 42):');
    expect(md).toMatch(/\| cost \| 0\.14 \| above 0\.\d\d \(nearest\) \| Variational autoencoders \|/);
    expect(md).toContain('#### Regulatory');
    expect(md).toMatch(/^- \[ \] \*\*/m);
    expect(md.match(/^- \[ \] /gm)!.length).toBe(clear.checklist.length);
  });

  it('records the knowledge version, sha256, the command that regenerates it and the sources', () => {
    const md = renderRecommendMarkdown(clear, { tool: TOOL, overlays: ['ours.yaml'] });
    expect(md).toContain(`- Knowledge base ${knowledge.version}, sha256 \`${knowledge.sha256}\` with overlays \`ours.yaml\`.`);
    expect(md).toContain('--knowledge ours.yaml --no-input --format markdown`');
    expect(md).toMatch(/^- \[STYLEGAN\] Karras/m);
  });

  it('regenerates the same profile from its rerun command', () => {
    const command = rerunCommand(knowledge, clear.profile, 'genai-advisor');
    expect(command).toBe(
      'genai-advisor --modality image --task generate --latency batch --priority quality=high,diversity=medium --data moderate --compute medium --sector general --customer-facing --no-sensitive-data --no-synthetic-media --no-high-stakes --no-human-review --no-interacts-with-people --no-publishes-content --no-emotion-or-biometric --informs none --system-role deployer --public-role none --no-minors --model-role use --jurisdiction eu --no-input --format markdown',
    );
  });

  it('says so when no family is eligible, instead of choosing one', () => {
    const none = recommend(knowledge, profileOf({ modality: 'image', task: 'generate', require: ['quality', 'speed', 'likelihood', 'anomaly'] }), { today: TODAY });
    expect(none.robustness.eligible).toBe(0);
    const md = renderRecommendMarkdown(none, { tool: TOOL });
    expect(md).toContain('# Image · Generate: no eligible model family');
    expect(md).toContain('No option is chosen. No family is eligible for this profile, so nothing is recommended. The closest is');
    expect(md).not.toContain('Chosen option');
  });
});
