/**
 * The parts every JSON/YAML document the CLI prints shares: which tool made it, which
 * knowledge it was made with, and checklist items. The documents themselves are
 * recommend-document.ts, check-document.ts, models-document.ts and checklist-document.ts.
 */
import type { FamilyId } from '../knowledge/family-id.js';
import { JURISDICTIONS } from '../knowledge/types.js';
import { Closed, Id, IsoDate, OneOf, Text, Type } from './common.js';

export const ToolInfo = () => Closed({ name: Text(), version: Text() }, { description: 'the tool that made the document' });

export const KnowledgeStamp = () =>
  Closed(
    {
      version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    },
    { description: 'the knowledge the document was made with' },
  );

/** A family id of the knowledge in use. */
export const FamilyRef = (familyIds: readonly string[]) => OneOf<FamilyId>(familyIds as FamilyId[], { typed: true });

/** An answer a checklist item (or the whole checklist) rests on that nobody gave: its default decided. */
export const AssumedAnswer = () => Closed({ key: Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'an answers key' }), value: Type.Unknown() });

/** What a checklist covers, as of its day (governance/scope.ts): no run drops legal items silently. */
export const ChecklistScope = () =>
  Closed(
    {
      today: IsoDate({ description: 'the day the checklist was drawn up for' }),
      reviewed: Type.Optional(IsoDate({ description: 'the day the governance knowledge was last reviewed' })),
      reviewAgeDays: Type.Optional(Type.Integer({ minimum: 0, description: 'days from the review to today, when over the limit' })),
      covered: Type.Array(OneOf(JURISDICTIONS, { typed: true }), { description: 'the legal orders whose items are listed' }),
      notCovered: Type.Array(OneOf(JURISDICTIONS, { typed: true }), { description: 'the legal orders left out' }),
      assumed: Type.Array(AssumedAnswer(), { description: 'governance answers nobody gave: their defaults decided' }),
    },
    { description: 'what the checklist covers and what it assumed' },
  );

/** One item of a checklist as every document shows it (governance/select.ts picks them). */
export const ChecklistItem = (areas: readonly string[]) =>
  Closed({
    id: Id(),
    area: Id({ description: `one of the knowledge's areas (${areas.join(', ')}) or an overlay's own` }),
    title: Text(),
    why: Text(),
    severity: OneOf(['required', 'recommended'] as const),
    appliesBecause: Type.Array(Text(), { description: 'why the item is on this checklist' }),
    actions: Type.Array(Text()),
    evidence: Type.Array(Text()),
    references: Type.Array(Closed({ framework: Text(), id: Text(), edition: Text() })),
    jurisdiction: OneOf(JURISDICTIONS, { typed: true, description: 'the legal order the duty comes from (global: international standards)' }),
    appliesFrom: Type.Optional(Closed({ date: IsoDate(), source: Text(), note: Type.Optional(Text()) })),
    status: Type.Optional(OneOf(['in-force', 'upcoming'] as const, { typed: true, description: 'for a law with a date: in force today, or upcoming' })),
    assumed: Type.Array(AssumedAnswer(), { description: 'answers the trigger rests on that nobody gave' }),
    notes: Type.Array(Text()),
  });
