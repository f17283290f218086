import { PassThrough, Writable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveFiles, Terminal } from '../../src/interview/terminal.js';
import { FOLLOW_UP_ACTIONS, followUp, type FollowUpAction, type FollowUpContext } from '../../src/interview/follow-up.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { recommend } from '../../src/recommend.js';
import { makeProfile } from '../helpers/profile.js';
import { Queue, script } from './scripted-prompts.js';
import { TODAY } from '../helpers/today.js';

vi.mock('@inquirer/prompts', () => import('./scripted-prompts.js'));

const rec = recommend(builtinKnowledge, makeProfile({ modality: 'image' }), { today: TODAY });

/** No file exists and none may be written: these tests never reach a save. */
const noFiles: SaveFiles = { exists: () => false, write: () => { throw new Error('no file may be written here'); } };

function io(): Terminal & { text: () => string } {
  let text = '';
  const stdout = Object.assign(new Writable({ write: (chunk, _e, done) => ((text += String(chunk)), done()) }), { isTTY: true, columns: 80 });
  return { stdout, stderr: stdout, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { NO_COLOR: '1' }, cwd: '/nonexistent', text: () => text };
}

const menu = () => script.asked.filter((a) => a.message === 'What next?');
type MenuChoice = { value: string; name: string };

beforeEach(() => script.reset());

describe('the follow-up menu is its list of actions', () => {
  it('shows one entry per action, with its help, the cursor on Done', async () => {
    await followUp(rec, io(), { files: noFiles });
    const [shown] = menu();
    const choices = shown!.config.choices as MenuChoice[];
    expect(choices.map((c) => c.value)).toEqual(FOLLOW_UP_ACTIONS.map((a) => a.id));
    for (const action of FOLLOW_UP_ACTIONS) expect(choices.find((c) => c.value === action.id)!.name).toContain(action.help);
    expect(shown!.config.default).toBe('done');
  });

  it('an added action appears, runs with the recommendation, and the menu comes back', async () => {
    const seen: FollowUpContext[] = [];
    const stack: FollowUpAction = {
      id: 'add-to-stack',
      label: 'Add to genai-stack.yaml',
      help: 'record the decision',
      async run(ctx) {
        seen.push(ctx);
        return 'again';
      },
    };
    const hidden: FollowUpAction = { id: 'hidden', label: 'Hidden', help: 'never shown', available: () => false, run: async () => 'done' };
    script.reset({ 'What next?': new Queue(['add-to-stack', 'done']) });
    await followUp(rec, io(), { files: noFiles }, [stack, hidden, ...FOLLOW_UP_ACTIONS]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rec).toBe(rec);
    expect(menu()).toHaveLength(2);
    const values = (menu()[0]!.config.choices as MenuChoice[]).map((c) => c.value);
    expect(values[0]).toBe('add-to-stack');
    expect(values).not.toContain('hidden');
  });

  it('an action that ends the menu ends it', async () => {
    const stop: FollowUpAction = { id: 'stop', label: 'Stop', help: 'ends', run: async () => 'done' };
    script.reset({ 'What next?': 'stop' });
    await followUp(rec, io(), { files: noFiles }, [stop]);
    expect(menu()).toHaveLength(1);
  });

  it('offers details, and never what it has just shown', async () => {
    const out = io();
    script.reset({ 'What next?': new Queue(['checklist', 'details', 'why-not', 'done']), 'Why not which family?': 'vae' });
    await followUp(rec, out, { files: noFiles });
    const offered = menu().map((m) => (m.config.choices as MenuChoice[]).map((c) => c.value));
    expect(offered[0]).toContain('details');
    expect(offered[0]).toContain('checklist');
    expect(offered[1]).not.toContain('checklist');
    expect(offered[1]).toContain('details');
    // The details hold the whole checklist, so neither comes straight back.
    expect(offered[2]).not.toContain('details');
    expect(offered[2]).not.toContain('checklist');
    expect(offered[3]).toEqual(FOLLOW_UP_ACTIONS.map((a) => a.id));
    expect(out.text()).toMatch(/Nearby weightings: .*Dirichlet/s);
  });

  it('"why not" prints the contrast for the chosen family', async () => {
    const out = io();
    script.reset({ 'What next?': new Queue(['why-not', 'done']), 'Why not which family?': 'vae' });
    await followUp(rec, out, { files: noFiles });
    expect(out.text()).toContain('Why not VAE?');
  });
});

describe('saving from the menu', () => {
  it('refuses a folder as the file name while it is typed, before asking to replace anything', async () => {
    const files: SaveFiles = { exists: () => true, isFolder: (p) => p === 'reports', write: () => { throw new Error('nothing may be written here'); } };
    let verdicts: Array<true | string> = [];
    script.reset({
      'What next?': new Queue(['save-answers', 'done']),
      'Save the answers as': (config: Record<string, unknown>) => {
        const validate = config.validate as (v: string) => true | string;
        verdicts = ['reports', 'answers.yaml'].map(validate);
        return 'answers.yaml';
      },
      'Replace it?': false,
    });
    await followUp(rec, io(), { files });
    expect(verdicts).toEqual(['reports is a folder: give a file name', true]);
  });

  it('puts the rerun command on a line of its own, to copy whole', async () => {
    const written: string[] = [];
    const files: SaveFiles = { exists: () => false, isFolder: () => false, write: (p) => void written.push(p) };
    script.reset({ 'What next?': new Queue(['save-answers', 'done']), 'Save the answers as': 'a.yaml' });
    const term = io();
    await followUp(rec, term, { files });
    expect(written).toEqual(['a.yaml']);
    expect(term.text()).toContain('Wrote a.yaml. Rerun with:\ngenai-advisor --answers a.yaml --no-input\n');
  });
});
