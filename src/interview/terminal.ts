/**
 * What a consultation needs of the terminal and the files it may save: the shell passes the
 * process's own (src/cli/io.ts), tests pass fakes. Prompts never reach for `process` themselves.
 */
export interface Terminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The files the follow-up menu saves reports into, relative to the working directory. */
export interface SaveFiles {
  exists(path: string): boolean;
  /** A folder cannot be replaced by a file: the name is refused as it is typed. */
  isFolder?(path: string): boolean;
  /** Writes the whole file or nothing; throws a UsageError the menu reports and survives. */
  write(path: string, text: string): void;
}
