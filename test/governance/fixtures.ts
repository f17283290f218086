/** Shared helpers for the governance tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { GovernanceItem, Profile } from '../../src/knowledge/types.js';
import { selectChecklist, type ChecklistEntry } from '../../src/governance/select.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { makeProfile } from '../helpers/profile.js';
import { TODAY } from '../helpers/today.js';

export function loadGovernance(): GovernanceItem[] {
  const text = readFileSync(new URL('../../knowledge/governance.yaml', import.meta.url), 'utf8');
  const doc = parse(text) as { governance: GovernanceItem[] };
  return doc.governance;
}

export const ITEMS: GovernanceItem[] = loadGovernance();

export { makeProfile };

export function checklistFor(overrides: Partial<Profile> = {}, family?: string): ChecklistEntry[] {
  return selectChecklist(ITEMS, makeProfile(overrides), family, builtinKnowledge.governance_areas, { today: TODAY });
}

export function idsFor(overrides: Partial<Profile> = {}, family?: string): string[] {
  return checklistFor(overrides, family).map((e) => e.id);
}

export function entryFor(id: string, overrides: Partial<Profile> = {}, family?: string): ChecklistEntry | undefined {
  return checklistFor(overrides, family).find((e) => e.id === id);
}

/** The three acceptance profiles of issue 4. */
export const ACCEPTANCE = {
  chatbot: { modality: 'text', task: 'conversation', customer_facing: true, interacts_with_people: true } satisfies Partial<Profile>,
  internalBatchImage: {
    modality: 'image',
    task: 'generate',
    latency: 'batch',
    customer_facing: false,
  } satisfies Partial<Profile>,
  healthcare: {
    modality: 'text',
    task: 'conversation',
    sector: 'healthcare',
    customer_facing: true,
    interacts_with_people: true,
    sensitive_data: true,
    high_stakes: true,
    informs: 'essential-services',
  } satisfies Partial<Profile>,
};

export const OWASP_CHAT_ITEMS = [
  'prompt-injection',
  'improper-output-handling',
  'system-prompt-leakage',
  'misinformation-safeguards',
];
