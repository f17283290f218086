// Kept apart from yaml.ts so that the CLI can check a file's size without loading the YAML parser.

/** Files larger than this are refused before parsing: no legitimate input comes close. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/**
 * Lines, commas and colons a YAML file may hold, counted before parsing: the parser's time
 * and memory, and check's, grow with them. A 1,000-use-case stack has about 155,000; the
 * limit keeps the worst accepted file within a few seconds and well under 1 GB
 * (docs/errors.md).
 */
export const MAX_YAML_ITEMS = 300_000;
/** Keys in one mapping: a real file's largest mapping (a governance checklist) has dozens. */
export const MAX_KEYS_PER_MAPPING = 10_000;
/** Items in one list, use cases included: reports stay a bounded size. */
export const MAX_LIST_ITEMS = 20_000;
