import { confirm, search, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import {
  booleanConfig,
  choiceConfig,
  compatiblePresets,
  levelConfig,
  matchesSearch,
  MAX_TOP_PRIORITIES,
  OWN_USE_CASE,
  presetSearchConfig,
  topPrioritiesConfig,
} from '../../src/interview/prompts.js';
import { pickUpTo } from '../../src/interview/pick-up-to.js';
import { choiceLine, plainTheme, type Session } from '../../src/interview/session.js';
import { plain } from '../../src/render/style.js';

const knowledge = builtinKnowledge;
const question = (key: string) => knowledge.questions.find((q) => q.key === key)!;
const presets = Object.values(knowledge.use_cases);
const session = (width = 80): Session => ({ context: { input: process.stdin, output: process.stdout }, theme: plainTheme, style: plain, width, say: () => {} });
// Lets the prompt's asynchronous source and validation settle before the next key.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const SGR = /\u001b\[[0-9;]*m/;

describe('a choice question', () => {
  it('shows every choice with its help, within 80 columns', async () => {
    const { getScreen, answer, events } = await render(select, choiceConfig(question('modality'), session()));
    const screen = getScreen();
    expect(screen).toContain(question('modality').prompt);
    for (const choice of question('modality').choices!) expect(screen).toMatch(new RegExp(`${choice.label} +${choice.help.slice(0, 15)}`));
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    events.keypress('enter');
    await expect(answer).resolves.toBe('text');
  });

  it('starts on the table\'s default and moves with the arrows', async () => {
    const { getScreen, answer, events } = await render(select, choiceConfig(question('latency'), session()));
    expect(getScreen()).toMatch(/❯ Interactive/);
    events.keypress('down');
    expect(getScreen()).toMatch(/❯ Batch/);
    events.keypress('enter');
    await expect(answer).resolves.toBe('batch');
    expect(getScreen()).toBe(`✔ ${question('latency').prompt} Batch`);
  });

  it('cuts long help to the width with an ellipsis', () => {
    expect(choiceLine('Label', 'x'.repeat(200), 5, 60, plain)).toHaveLength(57);
    expect(choiceLine('Label', 'x'.repeat(200), 5, 60, plain).endsWith('…')).toBe(true);
    expect(choiceLine('Label', 'short help', 8, 80, plain)).toBe('Label     short help');
  });

  it('has no colour codes with the plain theme', async () => {
    const { getScreen } = await render(select, choiceConfig(question('sector'), session()));
    expect(getScreen({ raw: true })).not.toMatch(SGR);
  });
});

describe('a yes/no question', () => {
  it('defaults to the table\'s default', async () => {
    const { answer, events, getScreen } = await render(confirm, booleanConfig(question('customer_facing'), session()));
    expect(getScreen()).toContain('(y/N)');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
  });

  it('takes y', async () => {
    const { answer, events } = await render(confirm, booleanConfig(question('high_stakes'), session()));
    events.type('y');
    events.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });
});

describe('the preset search', () => {
  const config = presetSearchConfig(presets, question('use_case'), session());

  it('offers "describe my own" first, then the presets', async () => {
    const { getScreen, answer, events } = await render(search, config);
    await settle();
    const screen = getScreen();
    expect(screen).toMatch(/❯ Describe my own use case/);
    expect(screen).toContain(presets[0]!.title);
    expect(screen).toContain('type to search');
    events.keypress('enter');
    await expect(answer).resolves.toBe(OWN_USE_CASE);
    // The answer is echoed as the choice was labelled.
    expect(getScreen()).toBe(`✔ ${question('use_case').prompt} Describe my own use case`);
  });

  it('filters as the person types and picks the hit', async () => {
    const { getScreen, answer, events } = await render(search, config);
    await settle();
    events.type('fraud');
    await settle();
    expect(getScreen()).toMatch(/❯ Fraud detection/);
    expect(getScreen()).toContain(knowledge.use_cases['fraud-detection']!.description.slice(0, 40));
    events.keypress('enter');
    await expect(answer).resolves.toBe('fraud-detection');
  });

  it('a search without hits still leaves "describe my own"', async () => {
    const { getScreen, answer, events } = await render(search, config);
    await settle();
    events.type('zzzz');
    await settle();
    expect(getScreen()).toMatch(/❯ Describe my own use case/);
    events.keypress('enter');
    await expect(answer).resolves.toBe(OWN_USE_CASE);
  });

  it('matches every word anywhere in id, title or description', () => {
    const fraud = knowledge.use_cases['fraud-detection']!;
    expect(matchesSearch(fraud, 'FRAUD transactions')).toBe(true);
    expect(matchesSearch(fraud, 'fraud images')).toBe(false);
    expect(matchesSearch(fraud, undefined)).toBe(true);
  });

  it('offers only presets that agree with the modality and task already given', () => {
    expect(compatiblePresets(knowledge, {})).toHaveLength(presets.length);
    const image = compatiblePresets(knowledge, { modality: 'image' });
    expect(image.length).toBeGreaterThan(0);
    expect(image.every((p) => p.answers.modality === 'image')).toBe(true);
    // Other answers override a preset rather than rule it out.
    expect(compatiblePresets(knowledge, { latency: 'batch', customer_facing: false })).toHaveLength(presets.length);
  });
});

describe('what matters most', () => {
  const config = topPrioritiesConfig(question('priorities'), knowledge, session());

  it('lists every criterion of the knowledge base with its description', async () => {
    const { getScreen } = await render(pickUpTo, config);
    for (const criterion of Object.values(knowledge.criteria)) expect(getScreen()).toContain(criterion.label);
    expect(getScreen()).toContain(`pick up to ${MAX_TOP_PRIORITIES}`);
  });

  it('returns the picked criteria', async () => {
    const { answer, events } = await render(pickUpTo, config);
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    const ids = Object.keys(knowledge.criteria);
    await expect(answer).resolves.toEqual([ids[0], ids[2]]);
  });

  it(`refuses a pick beyond ${MAX_TOP_PRIORITIES} as it is made, and shows the rest disabled`, async () => {
    const { answer, events, getScreen } = await render(pickUpTo, config);
    const labels = Object.values(knowledge.criteria).map((c) => c.label);
    for (let i = 0; i < MAX_TOP_PRIORITIES; i++) {
      events.keypress('space');
      events.keypress('down');
    }
    // The next choice is out of reach before anyone tries it.
    expect(getScreen()).toMatch(new RegExp(`❯- ${labels[MAX_TOP_PRIORITIES]}`));
    for (const line of getScreen().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(getScreen()).toMatch(new RegExp(` ◉ ${labels[0]}`));
    events.keypress('space');
    expect(getScreen()).toContain(`${MAX_TOP_PRIORITIES} picked, the most that count as top priorities`);
    // Unticking one frees a place again.
    events.keypress('up');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    expect(getScreen()).not.toContain('the most that count');
    events.keypress('enter');
    const ids = Object.keys(knowledge.criteria);
    await expect(answer).resolves.toEqual([ids[0], ids[1], ids[MAX_TOP_PRIORITIES]]);
  });

  it('accepts none, and says so', async () => {
    const { answer, events, getScreen } = await render(pickUpTo, config);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([]);
    expect(getScreen()).toContain('none (usual balance)');
  });

  it('fine-tuning offers the levels, starting at high; critical says it is still a preference', async () => {
    const { answer, events, getScreen } = await render(select, levelConfig('speed', knowledge, session()));
    expect(getScreen()).toContain('How much does generation speed matter?');
    expect(getScreen()).toMatch(/❯ high/);
    expect(getScreen()).toMatch(/critical +it matters most; a preference, not a must/);
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('critical');
  });
});
