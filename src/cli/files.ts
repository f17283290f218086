import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { SaveFiles } from '../interview/terminal.js';
import { MAX_YAML_BYTES } from '../knowledge/limits.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a user-named text file, turning every way it can fail into a one-line usage error. */
export function readUserFile(path: string, what: string, cwd: string): string {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new UsageError(`${what} ${path} is a directory, not a file`, 'name a YAML file');
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${what} ${path} does not exist`, 'check the path (it is relative to the current folder)');
    if (code === 'EACCES') throw new UsageError(`${what} ${path} cannot be read (permission denied)`);
    throw new UsageError(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
  if (size > MAX_YAML_BYTES) {
    // Rounded up, so that a file just over the limit never reads as "16.0 MiB, over 16 MiB".
    const mib = (n: number) => `${Math.ceil((n / 1024 / 1024) * 10) / 10} MiB`;
    throw new UsageError(`${what} ${path} is ${mib(size)}, over the ${mib(MAX_YAML_BYTES)} size limit`, 'check that you named the right file; no real input comes close to the limit');
  }
  if (size === 0) throw new UsageError(`${what} ${path} is empty`, 'give it at least one key');
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    throw new UsageError(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    // Decoding leniently would turn a binary file into replacement characters and odd YAML errors.
    return UTF8.decode(bytes);
  } catch {
    throw new UsageError(`${what} ${path} is not UTF-8 text (is it a binary file?)`, 'name a YAML file saved as UTF-8');
  }
}

const pending = new Set<string>();

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
  if (stat.isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
  // /dev/stdout resolves to a pipe that has no path: only a regular file is looked up.
  if (!stat.isFile()) return { kind: 'special', target: full, mode: 0 };
  return { kind: 'file', target: realpathSync(full), mode: stat.mode & 0o777 };
}

/** Where a write to `path` would go; a usage error if it cannot go anywhere (missing folder, a directory). */
function checkedTarget(path: string, cwd: string): ReturnType<typeof writeTarget> {
  const found = writeTarget(resolve(cwd, path), path);
  if (found.kind === 'special') return found;
  const folder = dirname(found.target);
  try {
    if (!statSync(folder).isDirectory()) throw new UsageError(`cannot write ${path}: ${dirname(path)} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${path}: the folder ${dirname(path)} does not exist`, 'create it first, or choose another path');
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
export function writeAtomic(path: string, text: string, cwd: string): void {
  const { kind, target, mode } = checkedTarget(path, cwd);
  if (kind === 'special') {
    try {
      writeFileSync(target, text);
    } catch (error) {
      throw writeError(path, dirname(target), error);
    }
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
    EDQUOT: 'the disk quota is used up',
    // The folder exists (checked before), yet a file cannot be made in it: /proc, say.
    ENOENT: `the folder ${folder} does not take new files`,
    ENOTDIR: `${folder} is not a folder`,
  };
  const reason = code !== undefined && reasons[code] ? `${reasons[code]} (${code})` : (error as Error).message;
  return new UsageError(`cannot write ${path}: ${reason}`, 'choose another path, or fix the permissions of the one given');
}

function identity(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}

/** Refuses an output path that names one of the run's input files: the report would replace its own input. */
export function assertNotAnInput(output: string, inputs: readonly string[], cwd: string): void {
  const target = identity(output, cwd);
  const clash = inputs.find((input) => identity(input, cwd) === target);
  if (clash !== undefined) {
    throw new UsageError(`--output ${output} is also an input of this run (${clash}); it would be overwritten`, 'write the output to another file');
  }
}

/** The follow-up menu's saves: atomic writes relative to the working directory. */
export function saveFiles(io: { cwd: string }): SaveFiles {
  return { exists: (path) => existsSync(resolve(io.cwd, path)), write: (path, text) => writeAtomic(path, text, io.cwd) };
}
