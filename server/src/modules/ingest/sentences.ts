import { BlockKind, type TextBlock } from '../../core/text/blocks.js';

/** A sentence of the text's body, with its place in code points (as evidence counts) and in UTF-16 units. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the block it is in. */
  block: number;
}

/** Words that open a sentence far more often than they follow initials. */
const SENTENCE_OPENERS = /^(The|A|An|In|On|At|It|He|She|They|We|I|This|That|These|Those|But|And|However|Its|His|Her|Their|There)$/;
/** What goes on a time after "a.m." or "p.m.": its zone ("ET", "GMT", "Eastern Time", "Finnish time") or its day. */
const TIME_GOES_ON = /^(?:(?:[A-Z]{1,4}T|UTC)\b|\p{Lu}\p{Ll}+ [Tt]ime\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)/u;
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'st',
  'mr',
  'hon',
  'rev',
  'sen',
  'rep',
  'gov',
  'amb',
  'brig',
  'mrs',
  'ms',
  'dr',
  'gen',
  'snr',
  'sr',
  'jr',
  'lt',
  'col',
  'sgt',
  'capt',
  'maj',
  'prof',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'u.s',
  'e.g',
  'i.e',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Whether a quotation opened in these words is still open: a full stop inside quoted words ("Not yet. We have just
 * said hello," Putin told ...) does not end the sentence that reports them. Straight quotes open and close in turn.
 */
function insideQuote(words: string): boolean {
  const opened = words.split('“').length - 1;
  const closed = words.split('”').length - 1;
  const straight = words.split('"').length - 1;
  return opened > closed || straight % 2 === 1;
}

/** Code-point offset of every UTF-16 index of the text, so positions can be given as evidence counts them. */
export function codePointOffsets(text: string): Int32Array {
  const offsets = new Int32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i += 1) {
    offsets[i] = points;
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) points += 1;
  }
  offsets[text.length] = points;
  return offsets;
}

/**
 * The sentences of the body blocks: page furniture and repeated paragraphs are left out, so nothing is proposed
 * twice or from a share button. A full stop ends a sentence only before a capital or an opening quote, not
 * after an abbreviation or an initial, and not inside quoted words (a quote of several sentences stays whole); machine-translation damage such as "does not. always" stays one sentence.
 */
export function sentencesOf(text: string, blocks: TextBlock[]): Sentence[] {
  const offsets = codePointOffsets(text);
  const utf16 = new Int32Array(offsets[text.length]! + 1);
  for (let i = text.length; i >= 0; i -= 1) utf16[offsets[i]!] = i;
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== BlockKind.BODY) return;
    const from = utf16[block.start]!;
    const to = utf16[block.end]!;
    const paragraph = text.slice(from, to);
    // "… both countries. 'Under the MOU, …,' Garafil said.": some outlets open a quote with a single mark.
    // "… was unconstitutional.Belgrade revoked …": pages that lost the space after a full stop still end a sentence there,
    // between a lower-case word and a capitalised one (not in "www.TorontoStarReprints.com").
    // "… observe.’’ / ‘‘Events …": some print pages quote with two single marks, doubled like a double mark.
    const boundary =
      /[.!?](?:’’|''|["”’)])?(?=\s+(?:‘‘|''|["“‘'(])?[A-Z0-9])|(?<=(?:^|[\s"“(])(?!www\.)[\p{L}'’-]*\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/gu;
    let start = 0;
    const push = (end: number) => {
      const raw = paragraph.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed.length > 0) {
        const s = from + start + lead;
        const e = s + trimmed.length;
        sentences.push({ text: trimmed, start: offsets[s]!, end: offsets[e]!, block: index });
      }
    };
    for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
      const before = paragraph.slice(start, m.index).split(/\s+/).pop()?.toLowerCase() ?? '';
      // "Md.", "Jr.", "Ltd.": a capitalised word with no vowel is an abbreviation, as English words have one.
      const word = paragraph.slice(start, m.index).split(/\s+/).pop() ?? '';
      if (ABBREVIATIONS.has(before) || /^[a-z]$/.test(before) || /^[A-Z][b-df-hj-np-tv-xz]{1,3}$/.test(word)) continue;
      // "went on strike Friday at 12:01 a.m. ET, according to the union": the time's zone is no sentence's first word.
      if ((before === 'a.m' || before === 'p.m') && TIME_GOES_ON.test(paragraph.slice(m.index + m[0].length).trimStart())) continue;
      // "Chief Justice D.Y. Chandrachud": initials before a name, not "the U.S. The talks …", where a sentence opens.
      const next = /^\S*\s+["“‘'(]?(\S+)/.exec(paragraph.slice(m.index))?.[1] ?? '';
      if (/^(?:[A-Z]\.)+[A-Z]$/.test(word) && !SENTENCE_OPENERS.test(next)) continue;
      if (insideQuote(paragraph.slice(start, m.index + m[0].length))) continue;
      push(m.index + m[0].length);
      start = m.index + m[0].length;
    }
    push(paragraph.length);
  });
  return sentences;
}

/** How many paragraphs a quotation may run over: an opening mark never closed is a slip, not a speech of pages. */
const QUOTATION_PARAGRAPHS = 3;

/**
 * Quotations that run over paragraphs, as style guides write them (an opening mark at each paragraph's head, a closing
 * one only at the last's end) or as press releases print them (no mark between): the indices of each one's sentences,
 * the last being the sentence that closes it, where its speaker is named ("…,” said the minister.").
 */
export function quotationsOverParagraphs(sentences: Sentence[]): number[][] {
  const quotations: number[][] = [];
  let open: number[] | null = null;
  sentences.forEach((sentence, index) => {
    const headOfParagraph = index === 0 || sentences[index - 1]!.block !== sentence.block;
    if (open && headOfParagraph && new Set(open.map((i) => sentences[i]!.block)).size >= QUOTATION_PARAGRAPHS) open = null;
    let inside = open !== null;
    let closed = false;
    Array.from(sentence.text).forEach((mark, at) => {
      // A paragraph of a quotation still open opens again with its mark: the quote goes on.
      if (mark === '“' || (mark === '"' && at === 0 && headOfParagraph && inside)) inside = true;
      else if (mark === '"') inside = !inside;
      else if (mark === '”') inside = false;
      if (!inside && open) closed = true;
    });
    if (open && closed) {
      open.push(index);
      if (sentence.block !== sentences[open[0]!]!.block) quotations.push(open);
      open = null;
    } else if (open) open.push(index);
    if (!open && inside) open = [index];
  });
  return quotations;
}
