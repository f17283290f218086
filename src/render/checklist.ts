/**
 * Renders a governance checklist (see src/governance/select.ts) as terminal text or as a
 * Markdown section. Pure functions: colour is applied through a callback so this module does
 * not depend on a colour library.
 */
import type { FamilyId, Knowledge, Profile, Reference } from '../knowledge/types.js';
import type { ChecklistEntry } from '../governance/select.js';
import { describeFact } from '../governance/condition.js';
import { checklistScope, type ChecklistScope } from '../governance/scope.js';
import { wrap as wrapWords, type Style as Styles } from './style.js';

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan';
export type Colorize = (s: string, style: Style) => string;

export interface ChecklistTextOptions {
  /** Applies a style to a piece of text; the identity when colour is off. */
  color?: Colorize;
  /** Maximum line width (default 80). */
  width?: number;
  /** Also list each item's actions (default false). */
  actions?: boolean;
  /** What the checklist covers: said under its heading. */
  scope?: ChecklistScope;
}

export function formatReference(ref: Reference): string {
  return `${ref.framework} ${ref.id} (${ref.edition})`;
}

const JURISDICTION_LABELS: Record<string, string> = {
  global: 'global (international standards)',
  eu: 'EU',
  us: 'US',
  uk: 'UK',
  cn: 'China',
};

/**
 * "EU, in force since 2026-08-02 (source; note)" or "EU, upcoming: applies from 2027-12-02 (…)":
 * where the duty comes from and, for a law with a date, where it stands on the checklist's day.
 */
export function formatJurisdiction(entry: Pick<ChecklistEntry, 'jurisdiction' | 'appliesFrom' | 'status'>): string {
  const where = JURISDICTION_LABELS[entry.jurisdiction] ?? entry.jurisdiction;
  const from = entry.appliesFrom;
  if (!from) return where;
  const source = from.note ? `${from.source}; ${from.note}` : from.source;
  const when = entry.status === 'upcoming' ? `upcoming: applies from ${from.date}` : entry.status === 'in-force' ? `in force since ${from.date}` : `applies from ${from.date}`;
  return `${where}, ${when} (${source})`;
}

/** "your role towards the system is deployer": the defaults an item's trigger rests on. */
export function formatAssumed(entry: Pick<ChecklistEntry, 'assumed'>): string | undefined {
  if (entry.assumed.length === 0) return undefined;
  return `${entry.assumed.map((a) => describeFact(a.key, a.value)).join(', ')} (defaults: not answered)`;
}

function jurisdictionNames(list: readonly string[]): string {
  return list.map((j) => JURISDICTION_LABELS[j] ?? j).join(', ');
}

/** One line on the laws covered (and left out), and one on a stale review: the checklist's scope. */
export function scopeLines(scope: ChecklistScope): string[] {
  const lines: string[] = [];
  const covered = scope.covered.length > 0 ? jurisdictionNames(scope.covered) : 'none';
  lines.push(
    scope.notCovered.length === 0
      ? `Laws covered: ${covered} (international standards always).`
      : `Laws covered: ${covered} (international standards always); not covered: ${jurisdictionNames(scope.notCovered)}: add them with --jurisdiction (global: offered worldwide).`,
  );
  if (scope.assumed.length > 0) {
    lines.push(`Not answered, so assumed: ${scope.assumed.map((a) => describeFact(a.key, a.value)).join(', ')}.`);
  }
  if (scope.reviewAgeDays !== undefined) {
    lines.push(`The law behind this checklist was last reviewed on ${scope.reviewed}, ${scope.reviewAgeDays} days before ${scope.today}: check the primary texts for later changes.`);
  }
  return lines;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Groups entries by area, keeping the order in which areas first appear. */
/** The entries of each area, in the order the areas first appear. */
function groupByArea(entries: ChecklistEntry[]): ChecklistEntry[][] {
  const groups = new Map<string, ChecklistEntry[]>();
  for (const e of entries) {
    const list = groups.get(e.area);
    if (list) list.push(e);
    else groups.set(e.area, [e]);
  }
  return [...groups.values()];
}

function summary(entries: ChecklistEntry[]): string {
  const required = entries.filter((e) => e.severity === 'required').length;
  const recommended = entries.length - required;
  const noun = entries.length === 1 ? 'item' : 'items';
  return `${entries.length} ${noun} (${required} required, ${recommended} recommended)`;
}

// ---------------------------------------------------------------------------- text

interface Segment {
  text: string;
  style?: Style;
  /** Keep the segment on one line when it fits. */
  keep?: boolean;
}

interface Unit {
  text: string;
  style: Style | undefined;
}

/** Word-wraps styled segments; colour is applied after measuring, so widths are exact. */
function wrap(segments: Segment[], width: number, firstIndent: string, restIndent: string, color: Colorize): string[] {
  const units: Unit[] = [];
  const room = Math.max(1, width - restIndent.length);
  for (const seg of segments) {
    const text = seg.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (seg.keep && text.length <= room) units.push({ text, style: seg.style });
    else for (const word of text.split(' ')) units.push({ text: word, style: seg.style });
  }

  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let length = firstIndent.length;
  for (const unit of units) {
    const needed = (line.length > 0 ? 1 : 0) + unit.text.length;
    if (line.length > 0 && length + needed > width) {
      lines.push(line);
      line = [];
      length = restIndent.length;
    }
    length += (line.length > 0 ? 1 : 0) + unit.text.length;
    line.push(unit);
  }
  if (line.length > 0) lines.push(line);

  return lines.map((ls, i) => {
    const runs: Unit[] = [];
    for (const u of ls) {
      const last = runs[runs.length - 1];
      if (last && last.style === u.style) last.text += ` ${u.text}`;
      else runs.push({ ...u });
    }
    const body = runs.map((r) => (r.style ? color(r.text, r.style) : r.text)).join(' ');
    return (i === 0 ? firstIndent : restIndent) + body;
  });
}

export function checklistText(entries: ChecklistEntry[], options: ChecklistTextOptions = {}): string {
  const color: Colorize = options.color ?? ((s) => s);
  const width = options.width !== undefined && options.width >= 20 ? Math.floor(options.width) : 80;
  const out: string[] = [];

  if (entries.length === 0) return ['Governance checklist: no items apply to this profile.', ...(options.scope ? scopeLines(options.scope) : [])].join('\n') + '\n';

  out.push(...wrap([{ text: 'Governance checklist:', style: 'bold' }, { text: summary(entries) }], width, '', '', color));
  for (const line of options.scope ? scopeLines(options.scope) : []) out.push(...wrap([{ text: line, style: 'dim' }], width, '', '', color));

  const itemIndent = '  ';
  const bodyIndent = '      ';
  for (const group of groupByArea(entries)) {
    out.push('');
    out.push(...wrap([{ text: group[0]!.areaLabel, style: 'bold' }], width, '', '', color));
    for (const e of group) {
      out.push(
        ...wrap(
          [
            { text: '[ ]', style: 'dim' },
            { text: e.title, style: 'bold' },
            { text: `(${e.severity})`, style: e.severity === 'required' ? 'red' : 'yellow', keep: true },
            { text: `[${e.id}]`, style: 'dim', keep: true },
          ],
          width,
          itemIndent,
          bodyIndent,
          color,
        ),
      );
      out.push(...wrap([{ text: e.why }], width, bodyIndent, bodyIndent, color));
      out.push(
        ...wrap(
          [{ text: 'Applies because:', style: 'cyan' }, { text: sentence(e.appliesBecause.join(', ')) }],
          width,
          bodyIndent,
          bodyIndent,
          color,
        ),
      );
      out.push(...wrap([{ text: 'Jurisdiction:', style: 'cyan' }, { text: sentence(formatJurisdiction(e)) }], width, bodyIndent, bodyIndent, color));
      const assumed = formatAssumed(e);
      if (assumed) out.push(...wrap([{ text: 'Assumed:', style: 'cyan' }, { text: sentence(assumed) }], width, bodyIndent, bodyIndent, color));
      for (const note of e.notes) {
        out.push(...wrap([{ text: 'Note:', style: 'cyan' }, { text: sentence(note) }], width, bodyIndent, bodyIndent, color));
      }
      if (options.actions) {
        for (const action of e.actions) {
          out.push(...wrap([{ text: '-' }, { text: action }], width, bodyIndent, `${bodyIndent}  `, color));
        }
      }
      const refs = e.references.map((r, i) => ({
        text: formatReference(r) + (i < e.references.length - 1 ? ';' : ''),
        style: 'dim' as const,
        keep: true,
      }));
      out.push(...wrap([{ text: 'References:', style: 'cyan' }, ...refs], width, bodyIndent, bodyIndent, color));
    }
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------- markdown

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export function checklistMarkdown(entries: ChecklistEntry[], scope?: ChecklistScope): string {
  const out: string[] = ['## Governance checklist', ''];
  const scoped = scope ? scopeLines(scope).map((line) => escapeMarkdown(line)) : [];
  if (entries.length === 0) {
    out.push('No governance items apply to this profile.', ...scoped.flatMap((line) => ['', line]));
    return `${out.join('\n')}\n`;
  }
  out.push(`${summary(entries)}.`, ...scoped.flatMap((line) => ['', line]));
  for (const group of groupByArea(entries)) {
    out.push('', `### ${group[0]!.areaLabel}`, '');
    for (const e of group) {
      const refs = e.references.map((r) => escapeMarkdown(formatReference(r))).join('; ');
      out.push(
        `- [ ] **${escapeMarkdown(e.title)}** (${e.severity}) — ${escapeMarkdown(sentence(e.why))} ` +
          `Applies because: ${escapeMarkdown(sentence(e.appliesBecause.join(', ')))} ` +
          `Jurisdiction: ${escapeMarkdown(sentence(formatJurisdiction(e)))} ` +
          (formatAssumed(e) ? `Assumed: ${escapeMarkdown(sentence(formatAssumed(e)!))} ` : '') +
          e.notes.map((n) => `Note: ${escapeMarkdown(sentence(n))} `).join('') +
          `References: ${sentence(refs)}`,
      );
      for (const action of e.actions) out.push(`  - ${escapeMarkdown(action)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `checklist` in a terminal: what it was tailored to, then every item with its actions. */
export function renderChecklistTable(
  result: { knowledge: Knowledge; profile: Profile; family: FamilyId | undefined; entries: ChecklistEntry[]; today: string; defaulted?: readonly string[] },
  { style, width }: { style: Styles; width: number },
): string {
  const { knowledge, profile, family, entries } = result;
  const note = style.dim(wrapWords(`Tailored to ${profile.modality} · ${profile.task} · sector ${profile.sector}, ${family ? `with ${knowledge.families[family].short_name} as the recommended family` : 'with no family eligible'}.`, width));
  return `${note}\n\n${checklistText(entries, { width, color: (t, name) => style[name](t), actions: true, scope: checklistScope(result) })}`;
}
