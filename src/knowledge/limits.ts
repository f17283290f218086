// Kept apart from yaml.ts so that the CLI can check a file's size without loading the YAML parser.

/** Files larger than this are refused before parsing: no legitimate input comes close. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
