/** A problem with what the user gave us: flags, files, answers. Exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** A second line telling the user how to fix it. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** One located problem in a file. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

/** A file failed validation; every problem is listed, each with its position. */
export class DiagnosticsError extends UsageError {
  override name = 'DiagnosticsError';
  constructor(
    readonly diagnostics: Diagnostic[],
    hint?: string,
  ) {
    super(diagnostics.map(formatDiagnostic).join('\n'), hint);
  }
}

/** The user pressed Ctrl+C. Exit code 130. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}
