/**
 * Where check_stack may read: inside the client's roots, or the server's working directory when
 * the client names none. A path that leaves them, lexically (`..`, an absolute path elsewhere)
 * or through a symbolic link, is refused before anything is read.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { readUserFile } from '../util/user-file.js';
import { visible } from '../util/sanitize.js';

/** The folders of `file://` roots; other schemes name nothing this server can read. */
export function rootFolders(roots: ReadonlyArray<{ uri: string }>): string[] {
  return roots.filter((r) => r.uri.startsWith('file://')).map((r) => fileURLToPath(r.uri));
}

const inside = (root: string, full: string): boolean => {
  const path = relative(root, full);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

/** A path's real location (through every link); a missing file keeps its lexical one, and the read then says it is missing. */
function real(full: string): string {
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}

/**
 * Reads the stack file `path` names, relative to the first root (or absolute), if it lies inside
 * one of `roots` both as written and once its links are followed; limits as the CLI's.
 */
export function readInsideRoots(path: string, roots: readonly string[]): string {
  const first = roots[0]!;
  const full = resolve(first, path);
  const refused = () =>
    new UsageError(
      `stack file ${visible(path)} is outside the client's roots (${roots.map(visible).join(', ')}): the server reads files only inside them`,
      'name a file inside a root (relative to the first one), or pass the stack file\'s YAML text as `text` instead',
    );
  if (!roots.some((root) => inside(root, full))) throw refused();
  const target = real(full);
  if (!roots.some((root) => inside(real(root), target))) throw refused();
  return readUserFile(path, 'stack file', first);
}
