import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { SaveFiles } from '../interview/terminal.js';
import { permits } from '../util/user-file.js';
import { visible } from '../util/sanitize.js';

export { permits, readUserFile } from '../util/user-file.js';

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
  } catch {
    return { kind: 'new', target: full, mode: 0o644 };
  }
  if (stat.isDirectory()) throw new UsageError(`cannot write ${visible(path)}: ${visible(path)} is a directory, not a file`, 'name a file');
  // /dev/stdout resolves to a pipe that has no path: only a regular file is looked up.
  if (!stat.isFile()) return { kind: 'special', target: full, mode: 0 };
  // A rename would replace a read-only file without asking: refuse, as a plain write would.
  if (!permits(stat, 'write')) throw new UsageError(`cannot write ${visible(path)}: the file is read-only`, 'make it writable (chmod u+w) if it may be replaced, or choose another path');
  return { kind: 'file', target: realpathSync(full), mode: stat.mode & 0o777 };
}

/** Where a write to `path` would go; a usage error if it cannot go anywhere (missing folder, a directory). */
function checkedTarget(path: string, cwd: string): ReturnType<typeof writeTarget> {
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
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(temporary);
  try {
    // The replacement keeps the permissions of the file it replaces.
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
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
    // The folder exists (checked before), yet a file cannot be made in it: /proc, say.
    ENOENT: `the folder ${folder} does not take new files`,
    ENOTDIR: `${folder} is not a folder`,
  };
  const reason = code !== undefined && reasons[code] ? `${reasons[code]} (${code})` : code !== undefined ? `the system refused (${code})` : visible((error as Error).message);
  return new UsageError(`cannot write ${visible(path)}: ${reason}`, 'choose another path, or fix the permissions of the one given');
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
