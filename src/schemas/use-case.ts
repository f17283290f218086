/** A use-case preset (knowledge/use-cases.yaml, or an overlay's `use_cases:`). */
import type { Answers } from '../knowledge/types.js';
import type { FamilyId } from '../knowledge/family-id.js';
import { Closed, OneOf, SourceKeys, Text, Type, type Static } from './common.js';

function useCaseProperties(familyIds: readonly string[]) {
  return {
    title: Text(),
    description: Text(),
    /** The family or families the seed guide names for this use. */
    seed_families: Type.Array(OneOf<FamilyId>(familyIds as FamilyId[])),
    /** Why this preset sets what it sets, in one or two sentences. */
    rationale: Text(),
    /** The answers it stands for: checked against the question table by references.ts. */
    answers: Type.Unsafe<Answers>({ type: 'object' }),
    sources: SourceKeys(),
  };
}

const builtinUseCase = (familyIds: readonly string[]) => Closed(useCaseProperties(familyIds));

/** Built-in: every field. Overlay: a title, a description and the answers at least. */
export function useCaseSchema(strict: boolean, familyIds: readonly string[]) {
  const builtin = builtinUseCase(familyIds);
  if (strict) return builtin;
  const { title, description, answers } = builtin.properties;
  return Closed({ ...Type.Partial(builtin).properties, title, description, answers });
}

export type UseCasePreset = Static<ReturnType<typeof builtinUseCase>> & { id: string };
