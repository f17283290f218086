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
    notes: Type.Array(Text()),
  });
