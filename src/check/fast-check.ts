/**
 * `check` in one streaming pass, for the large stack files CI runs it on: each use case is
 * read, validated and checked as the reader reaches it, and nothing of it is kept but its
 * report and findings. The full path (load.ts: parse the whole file, validate it with ajv,
 * then check) builds the document first, and on 10,000 use cases spends most of its time
 * building, validating and garbage-collecting it.
 *
 * It never guesses. It reads with fast-yaml.ts's rules (the same LineReader for everything on
 * one line, the same StreamReader for block collections) and accepts a file only when that
 * reader would, reading the same values; it validates with the stack schema itself
 * (conforms.ts); and it returns undefined for anything else: a file outside the reader's
 * subset, a schema or semantic problem, any shape it does not know. The caller then runs the
 * full path, which also writes every diagnostic. Whatever it returns equals the full path's
 * result (test/check/fast-check.test.ts compares them).
 */
import type { Answers, Knowledge, Profile } from '../knowledge/types.js';
import type { PathSegment } from '../knowledge/yaml.js';
import { MAX_YAML_BYTES } from '../knowledge/limits.js';
import { ProfileError } from '../scoring/errors.js';
import type { WeightPlan } from '../scoring/types.js';
import { conforms } from './conforms.js';
import { isCalendarDate } from './dates.js';
import {
  blank,
  checklistFor,
  createContext,
  driftFindings,
  duplicateIdFindings,
  familyFindings,
  finding,
  missingFindings,
  type Fit,
  scoreOnce,
  statusFindings,
  useCaseReport,
  vendorFindings,
  type Add,
  type ChecklistItem,
  type Context,
} from './evaluate.js';
import { parseFastYaml } from './fast-yaml.js';
import { AWKWARD_CHARACTERS, NOT_PLAIN_START, pack, readsAsString, Unsupported, unpack, unsupported, unusualKey, type Place } from './line-reader.js';
import type { StatusEntry, UseCaseEntry } from './load.js';
import { createPlanner, resolveAnswers } from './profiles.js';
import { StreamReader } from './stream-reader.js';
import { checkResult } from './result.js';
import { POLICY_DEFAULTS, STATUSES, stackSchema, type Policy, type Status } from './schema.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

type Schema = Record<string, unknown>;

const SPACE = 32;
const HASH = 35;
const QUOTE = 34;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;

/** A complete profile, with what is computed for it once however many use cases share it. */
interface ProfileEntry {
  resolved: { profile: Profile; plan: WeightPlan; key: string };
  /** The checklist per chosen family, and the knowledge's index of each of its items. */
  checklists: Map<string, { entries: ChecklistItem[]; items: number[] }>;
}

/** The family rules' verdict for a ranking and a chosen family: the same findings every time. */
interface FitEntry {
  fit: Fit;
  findings: Array<[Parameters<Add>[0], Parameters<Add>[2], Parameters<Add>[3], Parameters<Add>[4]]>;
}


/** The keys of a status entry the status-line reader knows; key k is bit 1 << k. */
const STATUS_KEY_NAMES = ['status', 'evidence', 'due', 'reason', 'owner'] as const;
const STATUS = 1;
const EVIDENCE = 2;
const DUE = 4;
const REASON = 8;

const CHOICE_FAMILY: PathSegment[] = ['choice', 'family'];
const ID_PATH: PathSegment[] = ['id'];

/**
 * What the status-line reader assumes about the schema of a governance entry. If the schema
 * changes, the fast path switches itself off rather than check against an outdated copy.
 */
function statusSchemaIsKnown(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const props = schema.properties as Record<string, Schema> | undefined;
  return (
    schema.type === 'object' &&
    schema.additionalProperties === false &&
    JSON.stringify(schema.required) === '["status"]' &&
    props !== undefined &&
    JSON.stringify(Object.keys(props)) === JSON.stringify(STATUS_KEY_NAMES) &&
    JSON.stringify(props.status) === JSON.stringify({ enum: [...STATUSES], description: props.status!.description }) &&
    JSON.stringify(props.evidence!.type) === '["string","array"]' &&
    JSON.stringify(props.evidence!.items) === '{"type":"string"}' &&
    props.due!.type === 'string' &&
    props.due!.pattern === '^\\d{4}-\\d{2}-\\d{2}$' &&
    props.reason!.type === 'string' &&
    props.owner!.type === 'string' &&
    props.owner!.minLength === 1 &&
    Object.keys(props.due!).every((k) => ['type', 'pattern', 'description'].includes(k)) &&
    Object.keys(props.reason!).every((k) => ['type', 'description'].includes(k)) &&
    Object.keys(props.owner!).every((k) => ['type', 'minLength', 'description'].includes(k)) &&
    Object.keys(props.evidence!).every((k) => ['type', 'items', 'description'].includes(k))
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

class StreamCheck extends StreamReader {
  private readonly ctx: Context;
  private readonly useCaseSchema: Schema;
  private readonly props: Record<string, Schema>;
  /** The use case's keys in schema order; a key's slot is its index here. */
  private readonly keys: string[];
  private readonly slot = new Map<string, number>();
  private readonly required: number[];
  private readonly idSlot: number;
  private readonly profileSlot: number;
  private readonly governanceSlot: number;
  private readonly choiceSlot: number;
  private readonly decidedSlot: number;
  private readonly descriptionSlot: number;
  private readonly statusSchema: Schema;
  private readonly itemIndex = new Map<string, number>();
  private readonly itemIdOk: boolean[];
  /** Profiles by their text (inline ones) and by their complete content. */
  private readonly profileTexts = new Map<string, ProfileEntry>();
  private readonly profiles = new Map<string, ProfileEntry>();
  private readonly planFor: (profile: Profile) => WeightPlan;
  private readonly fits = new Map<object, Map<string, FitEntry>>();
  private readonly dates = new Map<string, boolean>();
  private readonly occurrences = new Map<string, number>();
  readonly useCases: UseCaseReport[] = [];
  readonly findings: Finding[] = [];
  readonly ids: string[] = [];
  readonly idAt: number[] = [];

  // The use case being read: per key slot its value, where its key and value stand, and the
  // place of its collections (as fast-yaml records them, to locate findings). Positions are
  // line × 2^20 + column, so they start as doubles: a field that changes representation
  // mid-run makes V8 drop the optimised code that reads it.
  private index = 0;
  private useCaseAt = Number.NaN;
  private readonly has: boolean[];
  private readonly values: unknown[];
  private readonly keyAt: Float64Array;
  private readonly valueAtOf: Float64Array;
  private readonly places: Array<Place | undefined>;
  private profile: ProfileEntry | undefined;
  private fingerprintId = '';
  private useCaseId = '';

  // Its governance entries, in file order.
  private entries = 0;
  private readonly names: string[] = [];
  private readonly statuses: Status[] = [];
  private readonly evidenceBlank: boolean[] = [];
  private readonly reasonBlank: boolean[] = [];
  private readonly dues: Array<string | undefined> = [];
  /**
   * Where each entry stands: its line (0-based) and the columns (1-based) of its key, its value
   * and, in a status line, of `due`'s key and value (0: none). Kept as small integers: the hot
   * loop never builds a packed position, which would overflow V8's integer fast path.
   */
  private entryLine = new Int32Array(64);
  private entryKeyCol = new Int32Array(64);
  private entryValueCol = new Int32Array(64);
  private dueKeyCol = new Int32Array(64);
  private dueCol = new Int32Array(64);
  /** Where the line of a status line starts, to read it again for a lookup. */
  private entryLineStart = new Int32Array(64);
  /** Entries read in full: their key and value positions (packed) and their place. */
  private readonly entryKeyAt: number[] = [];
  private readonly entryValueAt: number[] = [];
  private readonly entryPlaces: Array<Place | undefined> = [];
  /** Which known items this use case has a status for: stamp[item] === the use case's stamp. */
  private readonly stamp: Int32Array;
  private readonly unknownSeen = new Set<string>();
  /** The checklist being checked for missing items, and how far missingFindings has asked. */
  private checklistNow: { entries: ChecklistItem[]; items: number[] } = { entries: [], items: [] };
  private asked = 0;
  /** The governance entry being checked, so that its findings are located without a search. */
  private current = -1;

  constructor(
    private readonly knowledge: Knowledge,
    text: string,
    private readonly file: string,
    private readonly options: CheckOptions,
    schema: Schema,
    policy: Policy,
  ) {
    super(text);
    this.ctx = createContext(knowledge, policy, options.today);
    this.useCaseSchema = ((schema.properties as Record<string, Schema>).use_cases!.items as Schema) ?? {};
    this.props = (this.useCaseSchema.properties ?? {}) as Record<string, Schema>;
    this.keys = Object.keys(this.props);
    this.keys.forEach((key, i) => this.slot.set(key, i));
    this.required = ((this.useCaseSchema.required ?? []) as string[]).map((key) => this.slot.get(key) ?? -1);
    this.idSlot = this.slot.get('id') ?? -1;
    this.profileSlot = this.slot.get('profile') ?? -1;
    this.governanceSlot = this.slot.get('governance') ?? -1;
    this.choiceSlot = this.slot.get('choice') ?? -1;
    this.decidedSlot = this.slot.get('decided_with') ?? -1;
    this.descriptionSlot = this.slot.get('description') ?? -1;
    this.has = this.keys.map(() => false);
    this.values = this.keys.map(() => undefined);
    this.keyAt = new Float64Array(this.keys.length);
    this.valueAtOf = new Float64Array(this.keys.length);
    this.places = this.keys.map(() => undefined);
    this.statusSchema = (this.props.governance?.additionalProperties ?? {}) as Schema;
    knowledge.governance.forEach((item, i) => this.itemIndex.set(item.id, i));
    // An id the schema allows and the reader reads as a key (fast-yaml's keys start with a letter).
    this.itemIdOk = knowledge.governance.map((item) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(item.id) && conforms(item.id, this.props.governance?.propertyNames));
    this.stamp = new Int32Array(knowledge.governance.length);
    this.planFor = createPlanner(knowledge);
  }

  /** Whether the use-case and governance schemas have the shape this reader was written for. */
  shapeIsKnown(): boolean {
    const s = this.useCaseSchema;
    const governance = this.props.governance;
    return (
      s.type === 'object' &&
      s.additionalProperties === false &&
      this.required.every((slot) => slot >= 0) &&
      [this.idSlot, this.profileSlot, this.governanceSlot, this.choiceSlot].every((slot) => slot >= 0) &&
      this.required.includes(this.idSlot) &&
      this.required.includes(this.profileSlot) &&
      this.required.includes(this.choiceSlot) &&
      governance !== undefined &&
      governance.type === 'object' &&
      Object.keys(governance).every((k) => ['type', 'description', 'propertyNames', 'additionalProperties'].includes(k)) &&
      statusSchemaIsKnown(this.statusSchema)
    );
  }

  // --- the document ----------------------------------------------------------------------

  run(): CheckResult {
    const text = this.text;
    const at = text.startsWith('use_cases:') ? 0 : text.indexOf('\nuse_cases:') + 1;
    if (at === 0 && !text.startsWith('use_cases:')) unsupported();
    let line = 0;
    for (let p = text.indexOf('\n'); p !== -1 && p < at; p = text.indexOf('\n', p + 1)) line++;
    this.setLine(line, at);
    const rest = this.skipSpaces(at + 'use_cases:'.length);
    if (rest === at + 'use_cases:'.length && rest < this.lineEnd) unsupported();
    // An inline list (`use_cases: []`) is a small file: the full path reads it.
    if (rest !== this.lineEnd && text.charCodeAt(rest) !== HASH) unsupported();
    this.nextLine();
    if (!this.more() || !this.isSeqItem()) unsupported();
    const indent = this.indent;
    do this.useCase(indent);
    while (this.more() && this.indent === indent && this.isSeqItem());
    // Anything after the list (another top-level key) is left to the full path.
    if (this.more()) unsupported();

    this.findings.push(...duplicateIdFindings(this.ids, (index) => unpack(this.idAt[index]!), this.file));
    return checkResult(this.knowledge, this.file, this.ctx.policy, this.options, this.useCases, this.findings);
  }

  // --- one use case ----------------------------------------------------------------------

  /** `- key: …` at `indent`: a use case, read, validated and checked. */
  private useCase(indent: number): void {
    const text = this.text;
    const rest = this.skipSpaces(this.lineStart + indent + 1);
    if (rest === this.lineEnd || text.charCodeAt(rest) === HASH) unsupported();
    const column = rest - this.lineStart;
    this.has.fill(false);
    this.profile = undefined;
    this.entries = 0;
    if (this.unknownSeen.size > 0) this.unknownSeen.clear();
    this.useCaseAt = pack(this.line + 1, column + 1);
    let first = true;
    while (first || (this.more() && this.indent === column)) {
      if (!first && this.isSeqItem()) unsupported();
      first = false;
      const line = this.line;
      const start = this.lineStart + column;
      const end = this.lineEnd;
      const key = this.blockKey(start, end);
      const slot = this.slot.get(key);
      if (slot === undefined || this.has[slot]) unsupported();
      this.keyAt[slot!] = pack(line + 1, column + 1);
      const afterColon = start + key.length + 1;
      let value: unknown;
      if (slot === this.governanceSlot) value = this.governance(afterColon, end, column);
      else if (slot === this.profileSlot) value = this.profileValue(afterColon, end, column);
      else value = this.entryValue(afterColon, end, column, 2);
      this.has[slot!] = true;
      this.values[slot!] = value;
      this.valueAtOf[slot!] = this.valueAt;
      this.places[slot!] = this.place;
    }
    if (this.more() && this.indent > column) unsupported();
    this.checkUseCase();
  }

  /** An inline profile is resolved once per distinct text; others once per distinct value. */
  private profileValue(afterColon: number, end: number, indent: number): unknown {
    const text = this.text;
    const rest = this.skipSpaces(afterColon);
    let entry: ProfileEntry | undefined;
    if (rest !== end && text.charCodeAt(rest) === OPEN_BRACE) {
      const source = text.slice(rest, end);
      entry = this.profileTexts.get(source);
      if (entry) {
        this.valueAt = this.at(rest);
        this.nextLine();
        if (this.more() && this.indent > indent) unsupported();
      } else {
        entry = this.resolveProfile(this.inline(rest, end, indent, false));
        this.profileTexts.set(source, entry);
      }
    } else {
      entry = this.resolveProfile(this.entryValue(afterColon, end, indent, 2, false));
    }
    // No finding points inside a profile: its place is not needed.
    this.place = undefined;
    this.profile = entry;
    return entry;
  }

  private resolveProfile(value: unknown): ProfileEntry {
    if (!conforms(value, this.props.profile)) unsupported();
    // A missing modality or task is a problem the full path reports.
    const profile = resolveAnswers(this.knowledge, value as Answers) ?? unsupported();
    const key = JSON.stringify(profile);
    let entry = this.profiles.get(key);
    if (!entry) {
      // Nothing to rank (every priority none) throws a ProfileError: the full path reports it.
      entry = { resolved: { profile, plan: this.planFor(profile), key }, checklists: new Map() };
      this.profiles.set(key, entry);
    }
    return entry;
  }

  private checklist(entry: ProfileEntry, family: string): { entries: ChecklistItem[]; items: number[] } {
    let list = entry.checklists.get(family);
    if (!list) {
      const entries = checklistFor(this.ctx, entry.resolved, family as UseCaseEntry['choice']['family']);
      list = { entries, items: entries.map((e) => this.itemIndex.get(e.id) ?? -1) };
      entry.checklists.set(family, list);
    }
    return list;
  }

  // --- governance ------------------------------------------------------------------------

  private governance(afterColon: number, end: number, indent: number): unknown {
    const rest = this.skipSpaces(afterColon);
    if (rest !== end && this.text.charCodeAt(rest) !== HASH) {
      // Inline (`governance: {}`, a flow mapping): read in full, then taken entry by entry.
      const value = this.inline(rest, end, indent);
      const place = this.place;
      if (!place?.names) unsupported();
      const object = value as Record<string, unknown>;
      place!.names!.forEach((name, i) => {
        if (!conforms(name, this.props.governance!.propertyNames)) unsupported();
        this.genericEntry(name, object[name], place!.pos[2 * i]!, place!.pos[2 * i + 1]!, place!.kids[i]);
      });
      return value;
    }
    this.nextLine();
    if (!this.more() || this.indent <= indent || this.isSeqItem()) unsupported();
    const column = this.indent;
    const valueAt = pack(this.line + 1, column + 1);
    // Files written by `init` (and most by hand) list the items in checklist order: expect that.
    const choice = this.has[this.choiceSlot] ? (this.values[this.choiceSlot] as { family?: unknown } | undefined) : undefined;
    const expected = this.profile && typeof choice?.family === 'string' ? this.checklist(this.profile, choice.family) : undefined;
    const text = this.text;
    while (this.more() && this.indent === column) {
      if (this.isSeqItem()) unsupported();
      const start = this.lineStart + column;
      const end = this.lineEnd;
      const line = this.line;
      const guess = expected?.entries[this.entries];
      let name: string;
      let known: number;
      if (guess && text.startsWith(guess.id, start) && text.charCodeAt(start + guess.id.length) === COLON) {
        name = this.blockKey(start, end, guess.id);
        known = expected!.items[this.entries]!;
      } else {
        name = this.blockKey(start, end);
        known = this.itemIndex.get(name) ?? -1;
      }
      if (known >= 0 ? !this.itemIdOk[known] : unusualKey(name) || !conforms(name, this.props.governance!.propertyNames)) unsupported();
      const afterColon = start + name.length + 1;
      const rest = this.skipSpaces(afterColon);
      if (rest !== end && text.charCodeAt(rest) === OPEN_BRACE && this.statusLine(rest, end)) {
        this.claim(name, known);
        this.entryKeyCol[this.entries] = column + 1;
        this.entries++;
        this.nextLine();
        if (this.more() && this.indent > column) unsupported();
      } else {
        const value = this.entryValue(afterColon, end, column, 3);
        this.genericEntry(name, value, pack(line + 1, column + 1), this.valueAt, this.place);
      }
    }
    if (this.more() && this.indent > column) unsupported();
    this.place = undefined;
    this.valueAt = valueAt;
    return undefined;
  }

  /** Marks an item as having a status (a second status for it is a duplicate key), and makes room. */
  private claim(name: string, known: number): void {
    const n = this.entries;
    if (known >= 0) {
      if (this.stamp[known] === this.index + 1) unsupported();
      this.stamp[known] = this.index + 1;
    } else {
      if (this.unknownSeen.has(name)) unsupported();
      this.unknownSeen.add(name);
    }
    this.names[n] = name;
    if (n + 1 >= this.entryLine.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.entryLine = grow(this.entryLine);
      this.entryKeyCol = grow(this.entryKeyCol);
      this.entryValueCol = grow(this.entryValueCol);
      this.dueKeyCol = grow(this.dueKeyCol);
      this.dueCol = grow(this.dueCol);
      this.entryLineStart = grow(this.entryLineStart);
    }
  }

  /** A governance entry read in full (block style, or anything the status-line reader declines). */
  private genericEntry(name: string, value: unknown, keyAt: number, valueAt: number, place: Place | undefined): void {
    if (!conforms(value, this.statusSchema)) unsupported();
    const entry = value as StatusEntry;
    if (entry.due !== undefined && !this.isDate(entry.due)) unsupported();
    this.claim(name, this.itemIndex.get(name) ?? -1);
    const n = this.entries++;
    this.statuses[n] = entry.status;
    this.evidenceBlank[n] = blank(entry.evidence);
    this.reasonBlank[n] = blank(entry.reason);
    this.dues[n] = entry.due;
    this.entryKeyAt[n] = keyAt;
    this.entryValueAt[n] = valueAt;
    this.entryPlaces[n] = place;
  }

  private isDate(text: string): boolean {
    let ok = this.dates.get(text);
    if (ok === undefined) {
      ok = isCalendarDate(text);
      this.dates.set(text, ok);
    }
    return ok;
  }

  /**
   * The common status line, `{ status: done, evidence: … }`, read without building it: plain
   * ASCII scalars that read as strings, or double-quoted ones. Declines (false) anything else,
   * which is then read in full; so it never decides what the full reading would not.
   */
  private statusLine(open: number, end: number): boolean {
    const text = this.text;
    const n = this.entries;
    let status: Status | undefined;
    let evidenceBlank = true;
    let reasonBlank = true;
    let due: string | undefined;
    let dueCol = 0;
    let dueKeyCol = 0;
    let seen = 0;
    let p = this.skipSpaces(open + 1);
    for (;;) {
      let bit = 0;
      let length = 0;
      for (let k = 0; k < STATUS_KEY_NAMES.length; k++) {
        if (text.startsWith(STATUS_KEY_NAMES[k]!, p)) {
          bit = 1 << k;
          length = STATUS_KEY_NAMES[k]!.length;
          break;
        }
      }
      const colon = p + length;
      if (bit === 0 || seen & bit || text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE) return false;
      seen |= bit;
      const v = this.skipSpaces(colon + 1);
      const first = text.charCodeAt(v);
      let valueEnd: number;
      let quoted: string | undefined;
      if (first === QUOTE) {
        const close = text.indexOf('"', v + 1);
        if (close === -1 || close >= end) return false;
        for (let q = v + 1; q < close; q++) if (text.charCodeAt(q) === BACKSLASH) return false;
        quoted = text.slice(v + 1, close);
        valueEnd = close + 1;
      } else {
        if (first < 33 || first > 126 || NOT_PLAIN_START.has(text[v]!)) return false;
        let q = v;
        for (; q < end; q++) {
          const c = text.charCodeAt(q);
          if (c === COMMA || c === 93 || c === CLOSE_BRACE) break;
          if (c < 32 || c > 126 || c === 91 || c === OPEN_BRACE || (c === HASH && text.charCodeAt(q - 1) === SPACE)) return false;
          if (c === COLON) {
            const next = text.charCodeAt(q + 1);
            if (q + 1 >= end || next === SPACE || next === COMMA || next === 91 || next === 93 || next === OPEN_BRACE || next === CLOSE_BRACE) return false;
          }
        }
        valueEnd = q;
        while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
        // Only these can start something that does not read as a string (a number, a boolean,
        // null); a status is compared with its words and a date checked digit by digit below.
        if (bit !== STATUS && bit !== DUE && ((first >= 43 && first <= 57) || first === 126 || first === 116 || first === 84 || first === 102 || first === 70 || first === 110 || first === 78)) {
          if (!readsAsString(text.slice(v, valueEnd))) return false;
        }
      }
      switch (bit) {
        case STATUS: {
          status = undefined;
          for (const word of STATUSES) {
            if (quoted === undefined ? valueEnd - v === word.length && text.startsWith(word, v) : quoted === word) status = word;
          }
          if (status === undefined) return false;
          break;
        }
        case EVIDENCE:
          evidenceBlank = quoted !== undefined && quoted.trim() === '';
          break;
        case DUE: {
          const date = quoted ?? text.slice(v, valueEnd);
          if (date.length !== 10 || !isDigit(date.charCodeAt(0)) || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || !this.isDate(date)) return false;
          due = date;
          dueCol = v - this.lineStart + 1;
          dueKeyCol = p - this.lineStart + 1;
          break;
        }
        case REASON:
          reasonBlank = quoted !== undefined && quoted.trim() === '';
          break;
        default:
          if (quoted === '') return false;
      }
      p = this.skipSpaces(valueEnd);
      const c = text.charCodeAt(p);
      if (c === COMMA) {
        p = this.skipSpaces(p + 1);
        const next = text.charCodeAt(p);
        if (next === CLOSE_BRACE || next === COMMA || p >= end) return false;
        continue;
      }
      if (c !== CLOSE_BRACE) return false;
      p++;
      break;
    }
    if (status === undefined) return false;
    const q = this.skipSpaces(p);
    if (q !== end && (text.charCodeAt(q) !== HASH || q === p)) return false;
    this.statuses[n] = status;
    this.evidenceBlank[n] = evidenceBlank;
    this.reasonBlank[n] = reasonBlank;
    this.dues[n] = due;
    this.entryLine[n] = this.line;
    this.entryValueCol[n] = open - this.lineStart + 1;
    this.dueCol[n] = dueCol;
    this.dueKeyCol[n] = dueKeyCol;
    this.entryLineStart[n] = this.lineStart;
    this.entryPlaces[n] = undefined;
    return true;
  }

  // --- checking it -----------------------------------------------------------------------

  private checkUseCase(): void {
    const { has, values, keys, props } = this;
    for (let i = 0; i < this.required.length; i++) if (!has[this.required[i]!]) unsupported();
    for (let slot = 0; slot < keys.length; slot++) {
      if (has[slot] && slot !== this.profileSlot && slot !== this.governanceSlot && !conforms(values[slot], props[keys[slot]!])) unsupported();
    }
    const decided = (has[this.decidedSlot] ? values[this.decidedSlot] : undefined) as UseCaseEntry['decided_with'];
    if (decided?.date !== undefined && !this.isDate(decided.date)) unsupported();
    const id = values[this.idSlot] as string;
    const choice = values[this.choiceSlot] as UseCaseEntry['choice'];
    const profile = this.profile!;
    const index = this.index;

    const occurrence = (this.occurrences.get(id) ?? 0) + 1;
    this.occurrences.set(id, occurrence);
    this.useCaseId = id;
    this.fingerprintId = occurrence === 1 ? id : `${id}#${occurrence}`;
    this.ids.push(id);
    this.idAt.push(this.locateIn(ID_PATH, false));

    const family = choice.family;
    const fit = this.familyFit(profile, family);
    if (this.ctx.policy.require_checklist) {
      this.checklistNow = this.checklist(profile, family);
      this.asked = 0;
      missingFindings(this.ctx, this.checklistNow.entries, this.hasStatus, this.add);
    }
    for (let n = 0; n < this.entries; n++) {
      this.current = n;
      statusFindings(this.ctx, this.names[n]!, this.statuses[n]!, this.evidenceBlank[n]!, this.dues[n], this.reasonBlank[n]!, this.add);
    }
    this.current = -1;
    vendorFindings(this.ctx.policy, choice.hosting, choice.license, this.add);
    driftFindings(this.knowledge, decided, family, fit.best, this.add);
    const description = has[this.descriptionSlot] ? (values[this.descriptionSlot] as string) : undefined;
    this.useCases.push(useCaseReport({ id, description }, index, unpack(this.useCaseAt), fit));
    this.index++;
  }

  /** The family rules for a ranking and a family, worked out once and replayed. */
  private familyFit(profile: ProfileEntry, family: string): Fit {
    const scored = scoreOnce(this.ctx, profile.resolved);
    let byFamily = this.fits.get(scored);
    if (!byFamily) {
      byFamily = new Map();
      this.fits.set(scored, byFamily);
    }
    let entry = byFamily.get(family);
    if (!entry) {
      const findings: FitEntry['findings'] = [];
      const fit = familyFindings(this.ctx, scored, family as UseCaseEntry['choice']['family'], (rule, path, key, subject, message) => {
        // Every family rule points at choice.family's value.
        if (path.length !== 2 || path[0] !== 'choice' || path[1] !== 'family' || key) throw new Error(`unexpected family finding path ${path.join('.')}`);
        findings.push([rule, key, subject, message]);
      });
      entry = { fit, findings };
      byFamily.set(family, entry);
    }
    for (const [rule, key, subject, message] of entry.findings) this.add(rule, CHOICE_FAMILY, key, subject, message);
    return entry.fit;
  }

  /** missingFindings asks in checklist order; look an item up only if that ever changes. */
  private readonly hasStatus = (item: string): boolean => {
    const { entries, items } = this.checklistNow;
    const i = this.asked;
    let known: number;
    if (entries[i]?.id === item) {
      known = items[i]!;
      this.asked = i + 1;
    } else {
      known = this.itemIndex.get(item) ?? -1;
    }
    return known >= 0 && this.stamp[known] === this.index + 1;
  };

  private readonly add: Add = (rule, path, key, subject, message) => {
    this.findings.push(finding(rule, message, this.useCaseId, this.index, this.file, unpack(this.locateIn(path, key)), this.fingerprintId, subject));
  };

  /** The places inside status line n, read again (as fast-yaml reads a flow collection for a lookup). */
  private statusPlace(n: number): Place {
    const { line, lineStart } = this;
    this.onLine(this.entryLine[n]!, this.entryLineStart[n]!);
    this.flowPlaces = true;
    const end = this.text.indexOf('\n', this.lineStart);
    this.flow(this.lineStart + this.entryValueCol[n]! - 1, end === -1 ? this.text.length : end, 0);
    this.flowPlaces = false;
    const place = this.place!;
    this.onLine(line, lineStart);
    return place;
  }

  /** What fast-yaml's locate would say for a path inside the current use case. */
  private locateIn(path: readonly PathSegment[], key: boolean): number {
    const first = path[0];
    const slot = typeof first === 'string' ? this.slot.get(first) : undefined;
    if (slot === undefined || !this.has[slot]) return this.useCaseAt;
    let keyAt = this.keyAt[slot]!;
    let valueAt = this.valueAtOf[slot]!;
    let place: Place | undefined;
    let rest = 1;
    if (slot === this.governanceSlot) {
      const item = path[1];
      if (item === undefined) return key ? keyAt : valueAt;
      let n = this.current >= 0 && this.names[this.current] === item ? this.current : -1;
      for (let i = 0; n === -1 && i < this.entries; i++) if (this.names[i] === item) n = i;
      if (n === -1) return key ? keyAt : valueAt;
      rest = 2;
      place = this.entryPlaces[n];
      if (place) {
        keyAt = this.entryKeyAt[n]!;
        valueAt = this.entryValueAt[n]!;
      } else {
        // A status line: `due` is where overdue and open plans point; anything else reads it again.
        const line = this.entryLine[n]! + 1;
        keyAt = pack(line, this.entryKeyCol[n]!);
        valueAt = pack(line, this.entryValueCol[n]!);
        if (path.length === 3 && path[2] === 'due' && this.dueCol[n]! > 0) return pack(line, key ? this.dueKeyCol[n]! : this.dueCol[n]!);
        if (path.length > 2) place = this.statusPlace(n);
      }
    } else {
      place = this.places[slot];
    }
    for (let s = rest; s < path.length; s++) {
      if (!place) break;
      const segment = path[s]!;
      const i: number = place.names ? place.names.indexOf(String(segment)) : typeof segment === 'number' && segment < place.kids.length ? segment : -1;
      if (i === -1) break;
      keyAt = place.pos[2 * i]!;
      valueAt = place.pos[2 * i + 1]!;
      place = place.kids[i];
    }
    return key ? keyAt : valueAt;
  }
}

/**
 * The check of a stack file, or undefined when the streaming path cannot vouch for it (see
 * above); the caller then runs the full path.
 */
export function fastCheckStack(knowledge: Knowledge, text: string, file: string, options: CheckOptions): CheckResult | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so most texts need no byte count.
  if (text.length * 3 > MAX_YAML_BYTES && Buffer.byteLength(text) > MAX_YAML_BYTES) return undefined;
  if (AWKWARD_CHARACTERS.test(text)) return undefined;
  try {
    // Version and policy: what comes before `use_cases:`, read and validated on its own.
    const at = text.startsWith('use_cases:') ? 0 : text.indexOf('\nuse_cases:') + 1;
    const head = parseFastYaml(`${text.slice(0, at)}use_cases: []\n`, file);
    const schema = stackSchema(knowledge) as Schema;
    if (!head || !conforms(head.value, schema)) return undefined;
    const policy = { ...POLICY_DEFAULTS, ...(head.value as { policy?: Partial<Policy> }).policy };
    const reader = new StreamCheck(knowledge, text, file, options, schema, policy);
    if (!reader.shapeIsKnown()) return undefined;
    return reader.run();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    // A profile with nothing to rank: the full path reports it where it is.
    if (error instanceof ProfileError) return undefined;
    throw error;
  }
}
