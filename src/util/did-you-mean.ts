function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return prev[b.length]!;
}

/** No real typo is longer than this: a longer input gets no suggestion, and costs nothing. */
const MAX_COMPARED = 64;

/** How many edits still make a plausible typo of a word this long: `m` is not a typo of `o1`. */
const allowedEdits = (length: number) => (length <= 2 ? 1 : Math.max(2, Math.floor(length / 3)));

/**
 * The closest candidate, if it is close enough to be a plausible typo. Limits come before the
 * work: an input over 64 characters is compared with nothing (a 4 MB name, or 3,000 unknown
 * keys of 2,000 characters, took minutes), and a candidate whose length alone differs by more
 * than the edits allowed is skipped without computing a distance.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_COMPARED) return undefined;
  const needle = input.toLowerCase();
  const limit = allowedEdits(needle.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_COMPARED) continue;
    const prefix = needle.length >= 2 && candidate.toLowerCase().startsWith(needle);
    if (!prefix && Math.abs(candidate.length - needle.length) > limit) continue;
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const prefix = best !== undefined && best.toLowerCase().startsWith(needle) && needle.length >= 2;
  if (best !== undefined && (bestDistance <= limit || prefix)) return best;
  // Not a typo but a shortening: "energy" for energy-based, "chatbot" for customer-support-chatbot.
  const named = candidates.filter((c) => c.length <= MAX_COMPARED && c.toLowerCase().split(/[-_\s]+/).includes(needle));
  return named.length === 1 && needle.length >= 3 ? named[0] : undefined;
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
