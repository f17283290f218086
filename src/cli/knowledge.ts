import { DiagnosticsError } from '../errors.js';
import { builtinKnowledge } from '../knowledge/builtin.js';
import type { Knowledge } from '../knowledge/types.js';
import { readUserFile } from './files.js';

/** The built-in knowledge base with any --knowledge overlays merged over it, in order. */
export async function loadKnowledge(overlays: readonly string[], cwd: string): Promise<Knowledge> {
  if (overlays.length === 0) return builtinKnowledge;
  const files = overlays.map((file) => ({ file, text: readUserFile(file, 'knowledge overlay', cwd) }));
  // YAML parsing and schema validation load only when an overlay needs them.
  const { applyOverlays } = await import('../knowledge/compile.js');
  try {
    return applyOverlays(builtinKnowledge, files);
  } catch (error) {
    if (error instanceof DiagnosticsError && error.hint === undefined) {
      throw new DiagnosticsError(error.diagnostics, 'fix the overlay; `genai-advisor knowledge schema --which overlay` prints its format');
    }
    throw error;
  }
}
