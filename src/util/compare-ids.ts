/**
 * Orders ids (`[a-z0-9-]`) by code unit. For such strings this is the order localeCompare
 * gives, without its cost: the first localeCompare of a process sets up ICU collation, ~5 ms
 * of a ~60 ms run.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
