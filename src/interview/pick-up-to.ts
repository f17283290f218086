/**
 * A checkbox that stops at a maximum while the person is picking: once `max` are ticked the
 * others are shown disabled (a dash for the box) and space on one says why. @inquirer/checkbox only refuses on
 * submit (its `validate`), so this prompt is built on the same core (@inquirer/core), with the
 * same keys and theme names, and nothing else.
 */
import { createPrompt, isDownKey, isEnterKey, isNumberKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState, type Theme } from '@inquirer/core';

export interface PickChoice<V> {
  value: V;
  name: string;
  short: string;
  checked?: boolean;
}

export interface PickStyle {
  error(text: string): string;
  highlight(text: string): string;
  keysHelpTip(keys: Array<[string, string]>): string;
  renderSelectedChoices(picked: ReadonlyArray<{ short: string }>): string;
}

export interface PickUpToConfig<V> {
  message: string;
  choices: ReadonlyArray<PickChoice<V>>;
  max: number;
  /** Shown when the person tries to tick one more. */
  full: string;
  pageSize?: number;
  theme?: { prefix?: unknown; icon?: Partial<Record<'checked' | 'unchecked' | 'cursor', string>>; style?: Partial<PickStyle> & Record<string, unknown> };
}

type PickTheme = Theme<{ icon: { checked: string; unchecked: string; cursor: string }; style: PickStyle }>;

const defaults = {
  icon: { checked: '◉', unchecked: '◯', cursor: '❯' },
  style: {
    error: (text: string) => `> ${text}`,
    highlight: (text: string) => text,
    keysHelpTip: (keys: Array<[string, string]>) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
    renderSelectedChoices: (picked: ReadonlyArray<{ short: string }>) => picked.map((c) => c.short).join(', '),
  },
};

export const pickUpTo = createPrompt(<V>(config: PickUpToConfig<V>, done: (value: V[]) => void): string => {
  const theme = makeTheme(defaults, config.theme as object) as unknown as PickTheme;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [checked, setChecked] = useState<boolean[]>(config.choices.map((c) => c.checked === true));
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const count = checked.filter(Boolean).length;
  const toggle = (index: number) => {
    if (!checked[index] && count >= config.max) return setError(config.full);
    setError(undefined);
    setChecked(checked.map((on, i) => (i === index ? !on : on)));
  };

  useKeypress((key) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(config.choices.filter((_, i) => checked[i]).map((c) => c.value));
    } else if (isUpKey(key) || isDownKey(key)) {
      setActive(Math.max(0, Math.min(config.choices.length - 1, active + (isUpKey(key) ? -1 : 1))));
    } else if (isSpaceKey(key)) {
      toggle(active);
    } else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index >= 0 && index < config.choices.length) {
        setActive(index);
        toggle(index);
      }
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const picked = config.choices.filter((_, i) => checked[i]);
    return [prefix, message, theme.style.answer(theme.style.renderSelectedChoices(picked))].filter(Boolean).join(' ');
  }
  const page = usePagination({
    items: config.choices,
    active,
    pageSize: config.pageSize ?? 7,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      const full = !checked[index] && count >= config.max;
      const cursor = isActive ? theme.icon.cursor : ' ';
      const box = checked[index] ? theme.icon.checked : theme.icon.unchecked;
      // A dash takes the box's place, so a disabled line is no wider than the others.
      if (full) return `${cursor}${theme.style.help(`- ${item.name}`)}`;
      return (isActive ? theme.style.highlight : (text: string) => text)(`${cursor}${box} ${item.name}`);
    },
  });
  const help = theme.style.keysHelpTip([
    ['space', `pick up to ${config.max}`],
    ['↑↓', 'navigate'],
    ['⏎', 'submit'],
  ]);
  return [[prefix, message].filter(Boolean).join(' '), page, ' ', error ? theme.style.error(error) : '', help].filter(Boolean).join('\n').trimEnd();
});
