import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/util/did-you-mean.js';

const FAMILIES = ['gan', 'vae', 'transformer', 'flow', 'diffusion', 'autoregressive', 'energy-based'];
const PRESETS = ['customer-support-chatbot', 'email-campaigns', 'code-assistant', 'fraud-detection', 'network-intrusion-detection'];

describe('did you mean', () => {
  it('suggests the nearest spelling for a typo', () => {
    expect(closest('difusion', FAMILIES)).toBe('diffusion');
    expect(didYouMean('fraud-detecton', PRESETS)).toBe(' Did you mean "fraud-detection"?');
  });

  it('suggests the one id a word of which was given', () => {
    expect(closest('energy', FAMILIES)).toBe('energy-based');
    expect(closest('chatbot', PRESETS)).toBe('customer-support-chatbot');
  });

  it('suggests nothing when the word names several ids, or nothing close', () => {
    expect(closest('detection', PRESETS)).toBeUndefined();
    expect(closest('xyzzy', FAMILIES)).toBeUndefined();
    expect(didYouMean('foo', PRESETS)).toBe('');
  });
});
