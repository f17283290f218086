import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';

const io: Io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: process.cwd() };

describe('the command table', () => {
  it('names exactly the commands the modules register, in help order', async () => {
    const program = await buildProgram(io, { exitCode: 0 });
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.flatMap((c) => c.names));
  });

  it('builds one module’s commands alone', async () => {
    for (const entry of COMMANDS) {
      const program = await buildProgram(io, { exitCode: 0 }, [entry]);
      expect(program.commands.map((c) => c.name())).toEqual(entry.names);
    }
  });
});
