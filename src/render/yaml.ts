import { stringify } from 'yaml';
import type { Profile } from '../knowledge/types.js';

/** The same document as --format json, as YAML. */
export function renderYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0 });
}

/** The answers of a run as an answers file, to replay with --answers. */
export function renderAnswersYaml(profile: Profile): string {
  return `# genai-advisor answers: replay with --answers <this file>\n${renderYaml(profile)}`;
}
