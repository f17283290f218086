import { afterEach, describe, expect, it, vi } from 'vitest';
import { processIo, writeAll } from '../../src/cli/io.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function failWith(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('writeAll', () => {
  it('writes every byte, in order, across partial writes and a full non-blocking pipe', () => {
    const written: Buffer[] = [];
    const results: Array<number | string> = [3, 'EAGAIN', 'EAGAIN', 4, 'EAGAIN', 100];
    writeAll(7, 'héllo, wörld', (fd, bytes, offset) => {
      expect(fd).toBe(7);
      const next = results.shift()!;
      if (typeof next === 'string') throw failWith(next);
      const chunk = bytes.subarray(offset, offset + next);
      written.push(Buffer.from(chunk));
      return chunk.length;
    });
    expect(Buffer.concat(written).toString()).toBe('héllo, wörld');
  });

  it('ends the process quietly, with the exit code so far, when the reader has gone', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const before = process.exitCode;
    process.exitCode = 1;
    try {
      expect(() => writeAll(1, 'x', () => { throw failWith('EPIPE'); })).toThrow('exit 1');
    } finally {
      process.exitCode = before;
    }
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('passes any other write error on', () => {
    expect(() => writeAll(1, 'x', () => { throw failWith('EIO'); })).toThrow('EIO');
  });
});

describe('processIo', () => {
  it('prints through process.stdout once something has made it, so that nothing overtakes what it holds', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    io.print!('result\n');
    expect(write).toHaveBeenCalledWith('result\n');
  });
});
