// Kept apart from yaml.ts so that the CLI can check a file's size without loading the YAML parser.

/** Files larger than this are refused before parsing: no legitimate input comes close. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/**
 * Lines, commas and colons a YAML file may hold, counted before parsing: the yaml library's
 * time and memory grow with them. Measured on 2 shared cores: a 2,500-use-case stack (about
 * 215,000) takes ~3 s of CPU and 160 MB to check; 60,000 small use cases (660,000) took 12 s
 * just to parse. Raise it with a faster parser.
 */
export const MAX_YAML_ITEMS = 300_000;
/** Keys in one mapping: a real file's largest mapping (a governance checklist) has dozens. */
export const MAX_KEYS_PER_MAPPING = 10_000;
/** Items in one list, use cases included: reports stay a bounded size. */
export const MAX_LIST_ITEMS = 20_000;
