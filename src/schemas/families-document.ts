/**
 * `compare --format json|yaml` and `explain <family> --format json|yaml` (schemaVersion 1):
 * families as their profiles show them, camelCase keys, every rating with its rationale and
 * sources (and, with --sources, their citations). Rendered by src/render/families.ts; the MCP
 * tools compare and explain declare them as their output schemas.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, documentOptions, Id, MapOf, Nullable, Score, SourceKeys, Text, Texts, Type, type Static } from './common.js';
import { FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';
import { variantSchema } from './family.js';
import { overlapSchema } from './knowledge-file.js';

const Citation = () => Closed({ key: Text(), citation: Text(), year: Nullable(Type.Integer({ description: 'the year of publication, when the knowledge gives one' })) });

/** A rating as a document shows it: with --sources, each source's citation too. */
const RatingEntry = () =>
  Closed({
    value: Score(),
    why: Type.Optional(Text()),
    sources: Type.Optional(SourceKeys()),
    why_for: Type.Optional(Type.Array(Id(), { description: 'the modalities the why\'s figures are about' })),
    citations: Type.Optional(Type.Array(Citation())),
  });

/** A rating that may differ by modality (a criterion's rating, a task fit). */
const ModalEntry = () => Closed({ ...RatingEntry().properties, modalities: Type.Optional(MapOf(RatingEntry())) });

export function familyDocumentSchema(familyIds: readonly string[]) {
  return Closed({
    id: FamilyRef(familyIds),
    name: Text(),
    aliases: Texts(),
    summary: Text(),
    howItWorks: Text(),
    bestAt: Texts(),
    limitations: Texts(),
    businessUses: Texts(),
    examples: Type.Array(Closed({ name: Text(), note: Type.Optional(Text()) })),
    ratings: MapOf(ModalEntry()),
    modalities: MapOf(RatingEntry()),
    tasks: MapOf(ModalEntry()),
    variants: Type.Array(variantSchema()),
    disagreements: Texts(),
    sources: Type.Array(Citation()),
  });
}

export function compareDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds'>) {
  return Closed(
    {
      schemaVersion: Type.Literal(1),
      tool: ToolInfo(),
      knowledge: KnowledgeStamp(),
      families: Type.Array(familyDocumentSchema(vocabulary.familyIds)),
      overlaps: Type.Array(overlapSchema(vocabulary.familyIds)),
    },
    documentOptions('genai-advisor compare --format json (schemaVersion 1)'),
  );
}

export function explainDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds'>) {
  return Closed(
    { schemaVersion: Type.Literal(1), tool: ToolInfo(), knowledge: KnowledgeStamp(), family: familyDocumentSchema(vocabulary.familyIds) },
    documentOptions('genai-advisor explain --format json (schemaVersion 1)'),
  );
}

export type FamilyDocument = Static<ReturnType<typeof familyDocumentSchema>>;
export type CompareDocument = Static<ReturnType<typeof compareDocumentSchema>>;
export type ExplainDocument = Static<ReturnType<typeof explainDocumentSchema>>;
