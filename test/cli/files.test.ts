/**
 * writeAtomic when the write itself fails or is interrupted: faults injected into node:fs,
 * which no end-to-end run can provoke on demand (a full disk, a signal mid-write).
 */
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const fault = vi.hoisted(() => ({ duringWrite: undefined as undefined | (() => void), short: false }));

// write-file-atomic writes the temporary file; the fault lands after part of it is written,
// as a full disk or a signal would. `short` makes it write only part, silently, as a file-size
// limit (ulimit -f) does to a single write.
vi.mock('write-file-atomic', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('write-file-atomic') }>()).default;
  const fs = await import('node:fs');
  const sync = (file: string, data: Buffer, options: object) => {
    fs.writeFileSync(file, data.subarray(0, 3));
    fault.duringWrite?.();
    if (fault.short) return;
    real.sync(file, data, options);
  };
  return { default: { ...real, sync } };
});

afterEach(() => {
  fault.duringWrite = undefined;
  fault.short = false;
});

// Test files share one module registry (vitest.config.ts): the module under test may already
// be loaded with the real node:fs. Load it anew, with the mock, and its UsageError with it.
vi.resetModules();
const { pendingTemporaryFiles, removeTemporaryFiles, writeAtomic } = await import('../../src/cli/files.js');
const { UsageError } = await import('../../src/errors.js');

function folderWith(content: string): string {
  const dir = tempDir('genai-advisor-files-');
  writeFileSync(join(dir, 'out.txt'), content);
  return dir;
}

describe('writeAtomic under faults', () => {
  it.each([
    ['EACCES', 'permission denied (EACCES)'],
    ['EROFS', 'the file system is read-only (EROFS)'],
    // A folder that exists but takes no new files (/proc): the system names the temporary file.
    ['ENOENT', 'the folder <dir> does not take new files (ENOENT)'],
    ['EIO', 'the device reported an input/output error (EIO)'],
  ])('names a failed write (%s) in words, never the temporary file, with a hint', (code, reason) => {
    const dir = folderWith('old contents\n');
    fault.duringWrite = () => {
      throw Object.assign(new Error(`${code === 'EIO' ? 'EIO: i/o error' : code}, write`), { code });
    };
    const error = (() => {
      try {
        writeAtomic('out.txt', 'x', dir);
      } catch (caught) {
        return caught as InstanceType<typeof UsageError>;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`cannot write out.txt: ${reason.replace('<dir>', realpathSync(dir))}; nothing was changed`);
    expect(error.message).not.toMatch(/\.tmp/);
    expect(error.hint).toBe('choose another path, or fix the permissions of the one given');
  });

  it('a write that fails (disk full) leaves the old file and no temporary file', () => {
    const dir = folderWith('old contents\n');
    fault.duringWrite = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => writeAtomic('out.txt', 'new contents\n', dir)).toThrow(UsageError);
    expect(() => writeAtomic('out.txt', 'new contents\n', dir)).toThrow(/^cannot write out\.txt: no space left on the device \(ENOSPC\); nothing was changed$/);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old contents\n');
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect([...pendingTemporaryFiles()]).toEqual([]);
  });

  it('the interrupt handler removes the temporary file being written, and the old file stays', () => {
    const dir = folderWith('old contents\n');
    let seen: string[] = [];
    fault.duringWrite = () => {
      // What the SIGINT handler in main.ts does when a signal lands here.
      seen = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
      expect([...pendingTemporaryFiles()]).toEqual([join(dir, seen[0]!)]);
      removeTemporaryFiles();
      // The file being written is gone: its rename fails.
      throw Object.assign(new Error('ENOENT: rename'), { code: 'ENOENT' });
    };
    expect(() => writeAtomic('out.txt', 'new contents\n', dir)).toThrow(UsageError);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\.genai-advisor-\d+-\d+\.tmp$/);
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old contents\n');
    expect([...pendingTemporaryFiles()]).toEqual([]);
  });

  it('a short write (a file-size limit cuts the file without an error) is never renamed into place', () => {
    const dir = folderWith('old contents\n');
    fault.short = true;
    expect(() => writeAtomic('out.txt', 'new contents\n', dir)).toThrow(/^cannot write out\.txt: the file would be cut short \(a file-size limit, ulimit -f, or a full disk\) \(EFBIG\); nothing was changed$/);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old contents\n');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('without faults the file is replaced and nothing else is left', () => {
    const dir = folderWith('old contents\n');
    writeAtomic('out.txt', 'new contents\n', dir);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new contents\n');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
});
