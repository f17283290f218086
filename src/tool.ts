import pkg from '../package.json' with { type: 'json' };

/** Which tool made a document: every JSON, YAML and SARIF output names it. */
export interface ToolInfo {
  name: string;
  version: string;
}

export const TOOL: ToolInfo = { name: pkg.name, version: pkg.version };
