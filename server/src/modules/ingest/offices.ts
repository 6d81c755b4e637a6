import nlp from 'compromise';

import type { KnownEntity, Mention } from './gazetteer.js';

interface Holder {
  /** As titled in the text: "President", "Prime Minister". */
  office: string;
  entity: KnownEntity;
  /** Places that qualified the title: "Indian President", "the President of … Vietnam". */
  places: Set<string>;
  /** How often the text titled this person so. */
  count: number;
}

interface Term {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number };
}

/** The terms of every sentence compromise finds in some words, in order. */
const termsOf = (words: string) => (nlp(words).json({ offset: true }) as Array<{ terms: Term[] }>).flatMap((s) => s.terms);

const LINKS = /^(of|the|for|and)$/;

/**
 * Offices named before people ("Indian President Droupadi Murmu", "the President of the Socialist Republic of
 * Vietnam, Nguyen Xuan Phuc") are remembered, so that a description later ("the Vietnamese President", "The
 * President") stands for the person holding that office: the one whose title the same place qualified, else the one
 * titled so most often. The offices are the text's own titles (compromise's actor nouns), not a list of ours.
 */
export class Offices {
  private readonly holders: Holder[] = [];

  /** The descriptions of office holders in a sentence, as mentions of those holders. */
  resolve(sentence: string, mentions: Mention[]): Mention[] {
    if (this.holders.length === 0) return [];
    const titles = [...new Set(this.holders.map((h) => h.office))]
      .sort((a, b) => b.length - a.length)
      .map((office) => office.replace(/\b\p{Lu}/gu, (c) => `[${c}${c.toLowerCase()}]`));
    // Not a title before a name ("President Bio", "the Prime Minister, Pham Minh Chinh") nor an office of a place
    // ("the President of Vietnam"): those name their holder in the same breath.
    const description = new RegExp(`\\b[Tt]he ((?:\\p{Lu}[\\p{L}’'-]+ )??)(${titles.join('|')})\\b(?! of\\b)(?!,? \\p{Lu})`, 'gu');
    const found: Mention[] = [];
    for (const m of sentence.matchAll(description)) {
      // "the President's Media Division": a known name that holds the words is that name.
      const title = m.index! + 4 + m[1]!.length;
      if (mentions.some((q) => q.index < m.index! + m[0].length && q.index + q.surface.length > title)) continue;
      const office = m[2]!.toLowerCase();
      const qualifier = m[1] ? mentions.find((q) => q.entity.kind === 'PLACE' && q.index === m.index! + 4) : undefined;
      if (m[1] && !qualifier) continue;
      const holders = this.holders.filter((h) => h.office.toLowerCase() === office && (!qualifier || h.places.has(qualifier.entity.id)));
      const holder = holders.sort((a, b) => b.count - a.count)[0];
      if (holder) found.push({ entity: holder.entity, index: m.index!, surface: m[0] });
    }
    return found;
  }

  /** Who holds an office ("minister", "prime minister") of a place, as the text titled them: the one titled so most often. */
  holderOf(office: string, placeId: string): KnownEntity | null {
    const word = office.toLowerCase();
    const holders = this.holders.filter((h) => h.places.has(placeId) && h.office.toLowerCase().endsWith(word.split(' ').at(-1)!));
    const exact = holders.filter((h) => h.office.toLowerCase() === word);
    return (exact.length > 0 ? exact : holders).sort((a, b) => b.count - a.count)[0]?.entity ?? null;
  }

  /** The titles the text gave a person so far. */
  titlesOf(entityId: string): string[] {
    return this.holders.filter((h) => h.entity.id === entityId).map((h) => h.office);
  }

  /**
   * "Sheikh Sabah …, Crown Prince of the State of Kuwait received …": a title set after a person's name between commas,
   * and the places that qualify it, as long as no other name follows the title (a list: "Xi, President Biden").
   */
  private learnAppositive(sentence: string, person: Mention, mentions: Mention[]): void {
    const after = person.index + person.surface.length;
    const apposition = /^,\s+([^,]{2,80})/.exec(sentence.slice(after));
    if (!apposition) return;
    const terms = termsOf(apposition[1]!);
    // The capitalised words that open the apposition, ending on an actor noun: "Foreign Minister", "Crown Prince".
    let last = -1;
    while (terms[last + 1] && /^\p{Lu}/u.test(terms[last + 1]!.text) && !terms[last + 1]!.tags.includes('Demonym')) last += 1;
    if (last < 0 || !terms[last]!.tags.includes('Actor')) return;
    const office = terms
      .slice(0, last + 1)
      .map((t) => t.text)
      .join(' ');
    const from = after + apposition[0].length - apposition[1]!.length;
    const places = mentions.filter((m) => m.entity.kind === 'PLACE' && m.index >= from && m.index < from + apposition[1]!.length);
    this.remember(
      office,
      person,
      places.map((m) => m.entity.id),
    );
  }

  private remember(office: string, person: Mention, places: string[]): void {
    const holder = this.holders.find((h) => h.entity.id === person.entity.id && h.office === office);
    if (holder) {
      holder.count += 1;
      for (const place of places) holder.places.add(place);
    } else this.holders.push({ office, entity: person.entity, places: new Set(places), count: 1 });
  }

  /** Remembers the title before each person the sentence names. */
  learn(sentence: string, mentions: Mention[]): void {
    for (const person of mentions.filter((m) => m.entity.kind === 'PERSON')) {
      const from = Math.max(0, person.index - 80);
      const terms = termsOf(sentence.slice(from, person.index));
      // The title stands in the capitalised words (and their links) right before the name, unbroken by punctuation
      // ("KazTAG - President of Kazakhstan Kassym-Jomart Tokayev" is titled President, not KazTAG).
      let start = terms.length;
      while (
        start > 0 &&
        (/^\p{Lu}/u.test(terms[start - 1]!.text) || LINKS.test(terms[start - 1]!.text)) &&
        (start === terms.length || /^\s*$/.test(terms[start - 1]!.post))
      )
        start -= 1;
      const tail = terms.slice(start);
      // "the United Arab Emirates' President": a possessive names whose office it is, and is no word of the title.
      const possessive = (t: Term) => /^['’]/.test(sentence.slice(from + t.offset.start + t.text.length));
      const first = tail.findIndex(
        (t) =>
          t.tags.includes('Actor') &&
          !t.tags.includes('Demonym') &&
          !t.tags.includes('Abbreviation') &&
          /^\p{Lu}/u.test(t.text) &&
          !possessive(t),
      );
      if (first < 0) {
        this.learnAppositive(sentence, person, mentions);
        continue;
      }
      let last = first;
      // compromise reads "President of Germany" as one actor: the title ends at its first lower-case word.
      while (
        tail[last + 1]?.tags.includes('Actor') &&
        !tail[last + 1]!.tags.includes('Abbreviation') &&
        /^\p{Lu}/u.test(tail[last + 1]!.text)
      )
        last += 1;
      const office = tail
        .slice(first, last + 1)
        .map((t) => t.text)
        .join(' ');
      const at = from + (tail[0]?.offset.start ?? 0);
      const places = mentions.filter((m) => m.entity.kind === 'PLACE' && m.index >= at && m.index < person.index).map((m) => m.entity.id);
      this.remember(office, person, places);
    }
  }
}
