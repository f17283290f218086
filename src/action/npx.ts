/**
 * How the Action runs a published release (the `version` input) through npx without a shell.
 * On Windows npx is a batch file, which only cmd.exe runs, and cmd.exe would read a file name
 * as commands: run npm's own JavaScript entry (npx-cli.js) with node instead. Pure: the
 * platform, PATH and the file system come in as values.
 */
import { win32 } from 'node:path';

export interface Launcher {
  command: string;
  prefix: string[];
}

export function npxLauncher(platform: NodeJS.Platform, path: string | undefined, execPath: string, exists: (file: string) => boolean): Launcher | undefined {
  if (platform !== 'win32') return { command: 'npx', prefix: [] };
  const dirs = [...(path ?? '').split(win32.delimiter).filter((d) => d !== '' && exists(win32.join(d, 'npx.cmd'))), win32.dirname(execPath)];
  for (const dir of dirs) {
    const cli = win32.join(dir, 'node_modules', 'npm', 'bin', 'npx-cli.js');
    if (exists(cli)) return { command: execPath, prefix: [cli] };
  }
  return undefined;
}

