/**
 * Known entities found in text by their names and aliases, longest match first. Capitalised names match as
 * written ("Putin"); lower-case aliases ("the putschist", "coup leader") match in any case. Matching walks
 * words, so it costs the same with twenty or twenty thousand entities.
 */
export interface KnownEntity {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

export interface Mention {
  entity: KnownEntity;
  /** UTF-16 index in the sentence. */
  index: number;
  surface: string;
}

interface Surface {
  words: string[];
  caseSensitive: boolean;
  entity: KnownEntity;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const MIN_SURFACE = 3;

const wordsOf = (text: string) => [...text.matchAll(WORD)].map((m) => ({ word: m[0], index: m.index! }));

export class Gazetteer {
  private readonly byFirstWord = new Map<string, Surface[]>();

  constructor(readonly entities: KnownEntity[]) {
    for (const entity of entities) {
      for (const surface of new Set([entity.name, ...entity.aliases])) {
        // A capitalised two-letter name ("Fu", "UK") is a name; a two-letter lower-case alias would match words.
        if (surface.trim().length < (/^\p{Lu}/u.test(surface.trim()) ? 2 : MIN_SURFACE)) continue;
        const words = wordsOf(surface).map((w) => w.word);
        if (words.length === 0) continue;
        const caseSensitive = /\p{Lu}/u.test(surface);
        const key = words[0]!.toLowerCase();
        const list = this.byFirstWord.get(key) ?? [];
        list.push({ words, caseSensitive, entity });
        this.byFirstWord.set(key, list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Mentions of known entities, left to right, none overlapping. */
  mentionsIn(sentence: string): Mention[] {
    const words = wordsOf(sentence);
    const mentions: Mention[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const candidates = this.byFirstWord.get(words[i]!.word.toLowerCase().replace(/’s$|'s$/, '')) ?? this.byFirstWord.get(words[i]!.word.toLowerCase()) ?? [];
      const match = candidates.find((surface) =>
        surface.words.every((word, k) => {
          const seen = words[i + k]?.word;
          if (seen === undefined) return false;
          const bare = k === surface.words.length - 1 ? seen.replace(/’s$|'s$/, '') : seen;
          // "the PM" opens a sentence as "The PM".
          const opening = k === 0 && word === 'the' && seen === 'The';
          return surface.caseSensitive && !opening ? bare === word || seen === word : bare.toLowerCase() === word.toLowerCase();
        }),
      );
      if (!match) continue;
      const last = words[i + match.words.length - 1]!;
      const end = last.index + last.word.replace(/’s$|'s$/, '').length;
      mentions.push({ entity: match.entity, index: words[i]!.index, surface: sentence.slice(words[i]!.index, end) });
      i += match.words.length - 1;
    }
    return mentions;
  }
}

const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Since', 'Although', 'According', 'To', 'Much', 'By', 'Contrary', 'Ironically', 'He', 'She', 'It', 'They', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'If', 'As', 'For', 'With', 'While', 'After', 'Before', 'When']);
const CALENDAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Runs of capitalised words that name no known entity: candidates for new entities. */
export function unknownNamesIn(sentence: string, mentions: Mention[]): Array<{ name: string; index: number }> {
  const found: Array<{ name: string; index: number }> = [];
  const run = /(?:[A-Z][\p{L}’'-]*[\p{L}]|[A-Z]{2,})(?:[ -](?:(?:of|the|de|for|and) )?(?:[A-Z][\p{L}’'-]*[\p{L}]|[A-Z]{2,}|\d+))+/gu;
  for (const m of sentence.matchAll(run)) {
    let name = m[0];
    let index = m.index!;
    while (true) {
      const [first, ...rest] = name.split(' ');
      if (rest.length === 0 || !(NOT_NAMES.has(first!) || CALENDAR.test(first!))) break;
      name = rest.join(' ');
      index += first!.length + 1;
    }
    name = name.replace(/’s$|'s$/, '');
    const words = name.split(/[ -]/);
    if (words.length < 2 || words.every((w) => CALENDAR.test(w) || NOT_NAMES.has(w))) continue;
    if (mentions.some((mention) => index < mention.index + mention.surface.length && mention.index < index + name.length)) continue;
    found.push({ name, index });
  }
  return found;
}
