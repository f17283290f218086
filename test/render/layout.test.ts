import { describe, expect, it } from 'vitest';
import { flow, gridWidth, legend, pack, renderGrid } from '../../src/render/layout.js';
import { wrap } from '../../src/render/style.js';
import { colour, expectFits } from './width.js';

describe('wrap', () => {
  it('breaks lines between words only', () => {
    expect(wrap('the likelihood of out-of-distribution inputs', 20)).toBe('the likelihood of\nout-of-distribution\ninputs');
  });

  it('breaks a word longer than the line, with a hyphen that shows the break', () => {
    const text = wrap('see https://example.org/a/very/long/path/to/a/page now', 16);
    expectFits(text, 16);
    expect(text).toBe('see\nhttps://example-\n.org/a/very/lon-\ng/path/to/a/page\nnow');
  });
});

describe('the grid, the packed items and the legend', () => {
  it('measures a grid on its visible text, colour codes included', () => {
    const grid = { head: ['', 'GAN', 'Transformer'], rows: [['quality', colour().green('4'), '5']] };
    expect(gridWidth(grid)).toBe('quality'.length + 2 + 3 + 2 + 'Transformer'.length);
    const { head, rows } = renderGrid(grid);
    expect(head).toBe('         GAN  Transformer');
    expect(rows[0]!.replace(/\u001b\[[0-9;]*m/g, '')).toBe('quality    4            5');
  });

  it('packs items in aligned columns, as many as the width allows', () => {
    const lines = pack(['quality 4', 'speed   5', 'cost    3', 'control 2'], 30, '  ');
    expect(lines).toEqual(['  quality 4   speed   5', '  cost    3   control 2']);
  });

  it('flows items, starting a line only between two of them', () => {
    expect(flow(['quality: Sample quality', 'stability: Training stability', 'anomaly: Anomaly scoring'], 60)).toEqual([
      'quality: Sample quality · stability: Training stability ·',
      'anomaly: Anomaly scoring',
    ]);
  });

  it('keeps room for the separator that ends a line', () => {
    const items = ['modality: tabular', 'task: anomaly-detection', 'latency: realtime', 'sector: finance'];
    for (let width = 20; width <= 70; width++) {
      const lines = flow(items, width, '; ');
      expectFits(lines.join('\n'), width);
      expect(lines.join(' ')).toBe(items.join('; '));
    }
  });

  it('leaves out of a legend every name its label only repeats', () => {
    expect(legend([['cost', 'Cost'], ['time-series', 'Time series'], ['edit', 'Edit or restore'], ['3d', '3D']], 80)).toEqual(['edit: Edit or restore']);
    expect(legend([['cost', 'Cost']], 80)).toEqual([]);
  });
});
