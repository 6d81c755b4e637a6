/** Five-word passages, lower-cased and stripped of punctuation: what two versions of one article keep in common. */
function passages(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i += 1) found.add(words.slice(i, i + 5).join(' '));
  return found;
}

/** Share of the shorter text's passages found in the other, 0 to 1: 1 for a re-publication, high for a light edit. */
export function similarity(a: string, b: string): number {
  const [small, large] = [passages(a), passages(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  if (small.size === 0) return 0;
  let common = 0;
  for (const passage of small) if (large.has(passage)) common += 1;
  return common / small.size;
}
