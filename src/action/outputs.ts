import { randomUUID } from 'node:crypto';

/**
 * One step output in GITHUB_OUTPUT's delimiter form (`name<<delimiter`), as @actions/core
 * writes it: whatever the value holds, it cannot end early and start an output of its own.
 */
export function outputEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`the output ${name} contains its delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
