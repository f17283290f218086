import pkg from '../../package.json' with { type: 'json' };

export const TOOL = { name: pkg.name, version: pkg.version } as const;
