/**
 * Reading a file a user named, for the doors (the CLI and the MCP server): every way it can
 * fail becomes a one-line usage error, and no file over the size limit is read.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { MAX_YAML_BYTES } from '../knowledge/limits.js';
import { visible } from './sanitize.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The same file however it is named (`./a.yaml`, `a.yaml`, a link to it): its real path, or the resolved one if it has none. */
export function realPathOf(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}

/** Whether anything (a file, a folder, or a link, even a dangling or looping one) is at the path. */
export function somethingAt(path: string, cwd: string): boolean {
  return isLink(resolve(cwd, path)) || existsSync(resolve(cwd, path));
}

/** What a path names when it is not a regular file, in words. */
function kindOf(stat: Stats): string | undefined {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device (a terminal or /dev/stdin?)';
  if (stat.isBlockDevice()) return 'a block device';
  return undefined;
}

/**
 * Whether the permission bits let this process `access` the file, as the kernel would decide
 * for a normal user: root passes every check, but a file made read-only on purpose (chmod 444)
 * must be refused even then.
 */
export function permits(stat: Stats, access: 'read' | 'write'): boolean {
  const bit = access === 'read' ? 0o4 : 0o2;
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined) return true;
  if (uid === stat.uid || uid === 0) return (stat.mode & (bit << 6)) !== 0;
  if (gid === stat.gid) return (stat.mode & (bit << 3)) !== 0;
  return (stat.mode & bit) !== 0;
}

/** A failed read or stat in words, never the system's raw message. */
function readProblem(what: string, path: string, error: unknown, full = path): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const shown = visible(path);
  switch (code) {
    case 'ENOENT':
      if (isLink(full)) return new UsageError(`${what} ${shown} is a symbolic link to a file that does not exist`, 'point the link at a real file, or name the file itself');
      return new UsageError(`${what} ${shown} does not exist`, 'check the path (it is relative to the current folder)');
    case 'ELOOP':
      return new UsageError(`${what} ${shown} is a symbolic link that loops back on itself`, 'point the link at a real file, or name the file itself');
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`${what} ${shown} cannot be read (permission denied)`, 'fix its permissions (chmod u+r), or name another file');
    case 'ENOTDIR':
      return new UsageError(`${what} ${shown} does not exist (a part of its path is a file, not a folder)`, 'check the path');
    case 'ENAMETOOLONG':
      return new UsageError(`${what} path is too long`, 'check the path');
    case 'EISDIR':
      return new UsageError(`${what} ${shown} is a directory, not a file`, 'name a YAML file');
    default:
      return new UsageError(`${what} ${shown} cannot be read${code ? ` (${code})` : ''}`, 'check the path and its permissions');
  }
}

/** Reads a user-named text file, turning every way it can fail into a one-line usage error. */
export function readUserFile(path: string, what: string, cwd: string): string {
  const full = resolve(cwd, path);
  const shown = visible(path);
  let size: number;
  try {
    const stat = statSync(full);
    const kind = kindOf(stat);
    // A pipe or a terminal is never "empty" (its size is 0 until read): say what it is.
    if (kind !== undefined) throw new UsageError(`${what} ${shown} is ${kind}, not a ${kind === 'a directory' ? '' : 'regular '}file`, kind === 'a directory' ? 'name a YAML file' : 'save the input to a file first, and name that file');
    if (!permits(stat, 'read')) throw new UsageError(`${what} ${shown} cannot be read (permission denied)`, 'fix its permissions (chmod u+r), or name another file');
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw readProblem(what, path, error, full);
  }
  if (size > MAX_YAML_BYTES) {
    // Rounded up, so that a file just over the limit never reads as "16.0 MiB, over 16 MiB".
    const mib = (n: number) => `${Math.ceil((n / 1024 / 1024) * 10) / 10} MiB`;
    throw new UsageError(`${what} ${shown} is ${mib(size)}, over the ${mib(MAX_YAML_BYTES)} size limit`, 'check that you named the right file; no real input comes close to the limit');
  }
  if (size === 0) throw new UsageError(`${what} ${shown} is empty`, 'give it at least one key');
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    throw readProblem(what, path, error, full);
  }
  try {
    // Decoding leniently would turn a binary file into replacement characters and odd YAML errors.
    return UTF8.decode(bytes);
  } catch {
    throw new UsageError(`${what} ${shown} is not UTF-8 text (is it a binary file?)`, 'name a YAML file saved as UTF-8');
  }
}

/** Whether the path itself is a symbolic link (dangling or looping ones included). */
export function isLink(full: string): boolean {
  try {
    return lstatSync(full).isSymbolicLink();
  } catch {
    return false;
  }
}
