import { stringify } from 'yaml';

/** The same document as --format json, as YAML. */
export function renderYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0 });
}
