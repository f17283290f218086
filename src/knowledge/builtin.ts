import compiled from '../../build/knowledge.json' with { type: 'json' };
import type { Knowledge } from './types.js';

/** The built-in knowledge base, compiled and validated from knowledge/*.yaml at build time. */
export const builtinKnowledge = compiled as unknown as Knowledge;
