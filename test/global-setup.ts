// Unit tests import the compiled knowledge base; compile it so `vitest` works without a full build.
import { compileBuiltin } from '../scripts/compile-knowledge.js';

export default function setup(): void {
  compileBuiltin();
}
