// Kept apart from yaml.ts so that the CLI can check a file's size without loading the YAML parser.

/** Files larger than this are refused before parsing: no legitimate input comes close. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/**
 * Lines plus commas a YAML file may hold, counted before parsing: the parser's time and memory
 * grow with its nodes. Measured with the yaml library (parseDocument, 2 shared cores): 200,000
 * short lines take ~2.3 s of CPU and 250 MB; a 10,000-use-case stack (459,000) took 14 s and
 * 900 MB, so this keeps every accepted file to a few seconds. Raise it with a faster parser.
 */
export const MAX_YAML_ITEMS = 250_000;
/** Keys in one mapping: a real file's largest mapping (a governance checklist) has dozens. */
export const MAX_KEYS_PER_MAPPING = 10_000;
/** Items in one list, use cases included: reports stay a bounded size. */
export const MAX_LIST_ITEMS = 20_000;
