/**
 * The lists that code would otherwise repeat — family ids, questions and their choices,
 * governance areas, frameworks and their clause patterns — taken from the knowledge YAML. The
 * schemas are derived from them, so adding a family or a framework touches one data file.
 */
import type { Framework, GovernanceArea, Knowledge, Question } from './types.js';

export type { Framework, GovernanceArea } from './types.js';
import { parseYaml } from './yaml.js';

export interface Vocabulary {
  familyIds: string[];
  questions: Question[];
  areas: GovernanceArea[];
  frameworks: Framework[];
}

export function vocabularyOf(knowledge: Pick<Knowledge, 'families' | 'questions' | 'governance_areas' | 'frameworks'>): Vocabulary {
  return { familyIds: Object.keys(knowledge.families), questions: knowledge.questions, areas: knowledge.governance_areas, frameworks: knowledge.frameworks };
}

/**
 * The vocabulary of knowledge files not yet compiled: the build derives the schemas that
 * validate them from what they declare. A file that does not parse contributes nothing; its
 * compilation reports the problem.
 */
export function readVocabulary(files: ReadonlyArray<{ file: string; text: string }>): Vocabulary {
  const vocabulary: Vocabulary = { familyIds: [], questions: [], areas: [], frameworks: [] };
  for (const { file, text } of files) {
    let value: Record<string, unknown> | null;
    try {
      value = parseYaml(text, file).value as Record<string, unknown> | null;
    } catch {
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const list = <T>(key: string): T[] => (Array.isArray(value![key]) ? (value![key] as T[]) : []);
    if (value.families !== null && typeof value.families === 'object') vocabulary.familyIds.push(...Object.keys(value.families));
    vocabulary.questions.push(...list<Question>('questions'));
    vocabulary.areas.push(...list<GovernanceArea>('governance_areas'));
    vocabulary.frameworks.push(...list<Framework>('frameworks'));
  }
  return vocabulary;
}
