/**
 * The GitHub Action's inputs (INPUT_* variables, as the runner sets them) turned into `check`
 * arguments. Pure: the environment comes in as a value.
 */
import { UsageError } from '../errors.js';
import { quote } from '../util/sanitize.js';

export interface ActionInputs {
  files: string[];
  format: string;
  strict: boolean;
  knowledge: string[];
  /** Where the SARIF report goes (relative to the workspace), when the `sarif` input is true. */
  sarifFile?: string;
  /** A published release to run through npx instead of the bundled CLI. */
  version?: string;
}

const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const flag = (value: string | undefined) => /^(true|yes|1)$/i.test((value ?? '').trim());

/** What npm accepts as a version or dist-tag after `genai-advisor@`: never a path, URL or second spec. */
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function actionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const version = (env.INPUT_VERSION ?? '').trim();
  if (version !== '' && !VERSION.test(version)) {
    throw new UsageError(`the version input is ${quote(version)}, which is not a version or dist-tag`, 'give a published version such as 1.2.0, or leave it empty to run the version of this action');
  }
  const sarif = flag(env.INPUT_SARIF);
  const sarifFile = (env.INPUT_SARIF_FILE ?? '').trim() || 'genai-advisor.sarif';
  // The path becomes a step output: a line break in it would write a second output of its own.
  if (sarif && CONTROL.test(sarifFile)) {
    throw new UsageError(`the sarif-file input is ${quote(sarifFile)}, which holds a line break or control character`, 'give a plain path such as genai-advisor.sarif');
  }
  return {
    files: lines(env.INPUT_FILES),
    format: (env.INPUT_FORMAT ?? '').trim() || 'github',
    strict: flag(env.INPUT_STRICT),
    knowledge: lines(env.INPUT_KNOWLEDGE),
    ...(sarif ? { sarifFile } : {}),
    ...(version !== '' ? { version } : {}),
  };
}

/**
 * `check` with these inputs: every value joined to its option (`--knowledge=-h` is a file) and
 * the files after `--`, so no file name can become an option.
 */
export function checkArgs(inputs: ActionInputs, format: string, output?: string): string[] {
  return [
    'check',
    `--format=${format}`,
    ...(output !== undefined ? [`--output=${output}`] : []),
    ...(inputs.strict ? ['--strict'] : []),
    ...inputs.knowledge.map((file) => `--knowledge=${file}`),
    '--',
    ...inputs.files,
  ];
}
