/**
 * A map's own entry for a key a user typed, never one it inherits: `toString`, `constructor`
 * or `__proto__` as a use case or family id must read as unknown, not as Object's methods.
 */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
