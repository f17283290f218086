import { existsSync, lstatSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from '../errors.js';
import type { SaveFiles } from '../interview/terminal.js';
import { isLink, permits } from '../util/user-file.js';
import { quote, visible } from '../util/sanitize.js';

export { permits, readUserFile, realPathOf, somethingAt } from '../util/user-file.js';

const pending = new Set<string>();
const written: string[] = [];
let done = false;

function committed(path: string, final = false): void {
  written.push(path);
  if (final) done = true;
}

/**
 * What the run has written so far, and whether its last write (the change it was asked to
 * make) is made: a signal after that must not report "Cancelled".
 */
export function writeProgress(): { written: readonly string[]; done: boolean } {
  return { written, done };
}

/** Temporary files still being written; removed if the process is interrupted. */
export function pendingTemporaryFiles(): Iterable<string> {
  return pending;
}

/** For an interrupt handler: deletes every temporary file still being written. */
export function removeTemporaryFiles(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed or removed.
    }
    pending.delete(file);
  }
}

/**
 * What a write to `full` would replace: nothing yet, a regular file (through any symlinks, so
 * that the link survives), or something that is not a file at all (/dev/stdout, a FIFO).
 */
function writeTarget(full: string, path: string): { kind: 'new' | 'file' | 'special'; target: string; mode: number } {
  let stat;
  try {
    stat = statSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UsageError(`cannot write ${visible(path)}: it is a symbolic link that loops back on itself`, 'point the link at a real file, or name another path');
    // A dangling link is written through (the file it names is created), as a plain write would.
    if (isLink(full)) return { kind: 'new', target: resolveDangling(full, path), mode: 0o644 };
    return { kind: 'new', target: full, mode: 0o644 };
  }
  if (stat.isDirectory()) throw new UsageError(`cannot write ${visible(path)}: ${visible(path)} is a directory, not a file`, 'name a file');
  // /dev/stdout resolves to a pipe that has no path: only a regular file is looked up.
  if (!stat.isFile()) return { kind: 'special', target: full, mode: 0 };
  // A rename would replace a read-only file without asking: refuse, as a plain write would.
  if (!permits(stat, 'write')) throw new UsageError(`cannot write ${visible(path)}: the file is read-only`, 'make it writable (chmod u+w) if it may be replaced, or choose another path');
  return { kind: 'file', target: realpathSync(full), mode: stat.mode & 0o777 };
}


/** The file a dangling link names, followed link by link, so that the write creates it and the link survives. */
function resolveDangling(full: string, path: string): string {
  let target = full;
  for (let hops = 0; isLink(target); hops++) {
    if (hops > 40) throw new UsageError(`cannot write ${visible(path)}: it is a symbolic link that loops back on itself`, 'point the link at a real file, or name another path');
    target = resolve(dirname(target), readlinkSync(target));
  }
  return target;
}

/**
 * A file name given to an option or argument: refused if empty, if it names a folder (a
 * trailing slash), or if it is a flag the option swallowed (`--output --no-input`).
 */
export function checkFileName(path: string, what: string): string {
  if (path === '') throw new UsageError(`${what} is empty`, 'give a file name');
  if (path.startsWith('-')) throw new UsageError(`${what} takes a file name, but was given ${quote(path)}, which looks like an option`, `give the file name after ${what}; for a file whose name starts with a dash, write ./${visible(path)}`);
  if (path.endsWith('/') || path.endsWith(sep)) throw new UsageError(`${what} ${quote(path)} names a folder (it ends with ${quote(path.at(-1))})`, 'name a file, such as report.md inside that folder');
  return path;
}

/** Where a write to `path` would go; a usage error if it cannot go anywhere (missing folder, a directory). */
function checkedTarget(path: string, cwd: string): ReturnType<typeof writeTarget> {
  if (path === '' || path.endsWith('/') || path.endsWith(sep)) checkFileName(path, `cannot write ${visible(path)}:`);
  const found = writeTarget(resolve(cwd, path), path);
  if (found.kind === 'special') return found;
  const folder = dirname(found.target);
  try {
    if (!statSync(folder).isDirectory()) throw new UsageError(`cannot write ${visible(path)}: ${visible(dirname(path))} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${visible(path)}: the folder ${visible(dirname(path))} does not exist`, 'create it first, or choose another path');
  }
  return found;
}

/** Fails now if `path` could not be written later, so a run stops before it writes anything else. */
export function assertWritable(path: string, cwd: string): void {
  checkedTarget(path, cwd);
}

/**
 * Writes via a temporary file in the same folder and a rename, so a reader never sees half a
 * file and an existing file survives any failure untouched. A device or pipe is written
 * straight through: renaming over it would replace it with a file.
 */
export function writeAtomic(path: string, text: string, cwd: string, options: { final?: boolean } = {}): void {
  const { kind, target, mode } = checkedTarget(path, cwd);
  if (kind === 'special') {
    try {
      writeFileSync(target, text);
    } catch (error) {
      throw writeError(path, dirname(target), error);
    }
    committed(path, options.final);
    return;
  }
  const folder = dirname(target);
  // Short and fixed, whatever the target's name: a 255-byte name must still be writable.
  const temporary = join(folder, `.genai-advisor-${process.pid}-${++serial}.tmp`);
  const bytes = Buffer.from(text);
  pending.add(temporary);
  try {
    // The replacement keeps the permissions of the file it replaces.
    writeFileAtomic.sync(temporary, bytes, { mode, fsync: true });
    // write-file-atomic writes once and does not count what was written: a file-size limit
    // (ulimit -f) or a full disk leaves it short without an error. Never rename that into place.
    if (statSync(temporary).size !== bytes.length) throw Object.assign(new Error('short write'), { code: 'EFBIG' });
    renameSync(temporary, target);
    committed(path, options.final);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    if (error instanceof UsageError) throw error;
    throw writeError(path, folder, error);
  } finally {
    pending.delete(temporary);
  }
}

let serial = 0;

/** Why a write failed, in words, without the temporary file's name the system error carries. */
function writeError(path: string, folder: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EIO: 'the device reported an input/output error',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file would be cut short (a file-size limit, ulimit -f, or a full disk)',
    ENAMETOOLONG: 'the file name is too long',
    // The folder exists (checked before), yet a file cannot be made in it: /proc, say.
    ENOENT: `the folder ${folder} does not take new files`,
    ENOTDIR: `${folder} is not a folder`,
  };
  const reason = code !== undefined && reasons[code] ? `${reasons[code]} (${code})` : code !== undefined ? `the system refused (${code})` : visible((error as Error).message);
  const full = code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT';
  return new UsageError(`cannot write ${visible(path)}: ${reason}; nothing was changed`, full ? 'free some space (or raise the file-size limit) and run again' : 'choose another path, or fix the permissions of the one given');
}

/**
 * What makes two paths the same file: device and inode for an existing file (through symlinks,
 * and across hard links), else the real folder and the name. A device or pipe (/dev/stdout) is
 * written straight through, never replaced, so it clashes with nothing.
 */
function identity(path: string, cwd: string): string | undefined {
  const full = resolve(cwd, path);
  try {
    const stat = statSync(full);
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    try {
      return resolve(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/** A file a run reads or writes, named by the option (or argument) that gave it. */
export interface RunFile {
  what: string;
  path: string;
}

/**
 * Refuses a run whose output would replace one of its own inputs, or whose two outputs are one
 * file (symlinks and hard links included): one of them would be lost. Checked before anything
 * is written.
 */
export function assertSeparateFiles(inputs: readonly RunFile[], outputs: readonly RunFile[], cwd: string): void {
  const known = inputs.map((file) => ({ ...file, id: identity(file.path, cwd) }));
  const written: Array<RunFile & { id: string | undefined }> = [];
  for (const output of outputs) {
    const id = identity(output.path, cwd);
    if (id === undefined) continue;
    const input = known.find((file) => file.id === id);
    if (input !== undefined) {
      throw new UsageError(`${output.what} ${visible(output.path)} is also an input of this run (${input.what} ${visible(input.path)}); it would be overwritten`, 'write the output to another file');
    }
    const other = written.find((file) => file.id === id);
    if (other !== undefined) {
      throw new UsageError(`${other.what} ${visible(other.path)} and ${output.what} ${visible(output.path)} are the same file; one would overwrite the other`, 'give each output its own file');
    }
    written.push({ ...output, id });
  }
}

/** The follow-up menu's saves: atomic writes relative to the working directory. */
export function saveFiles(io: { cwd: string }): SaveFiles {
  return {
    exists: (path) => existsSync(resolve(io.cwd, path)),
    isFolder: (path) => {
      try {
        return statSync(resolve(io.cwd, path)).isDirectory();
      } catch {
        return false;
      }
    },
    write: (path, text) => writeAtomic(path, text, io.cwd),
  };
}
