import nlp from 'compromise';

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
    const derived = derivedDemonyms(entities);
    const bodies = derivedBodyForms(entities);
    for (const entity of entities) {
      for (const surface of new Set([entity.name, ...entity.aliases, ...(derived.get(entity) ?? []), ...(bodies.get(entity) ?? [])])) {
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
      // "President's Media Division" is found under "president's" even when "President Bio" is known under "president".
      const word = words[i]!.word.toLowerCase();
      const bare = word.replace(/’s$|'s$/, '');
      const candidates = [...(this.byFirstWord.get(bare) ?? []), ...(bare === word ? [] : (this.byFirstWord.get(word) ?? []))].sort(
        (a, b) => b.words.length - a.words.length,
      );
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

/**
 * The adjectives English makes of a place's name by its regular endings: Russia → Russian, North Korea → North
 * Korean, China → Chinese, Italy → Italian, Turkey → Turkish, Mali → Malian, Pakistan → Pakistani. Most
 * candidates are no word at all ("Russiaese") and never occur; they cost one index entry each.
 */
export function demonymsOf(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const last = words.pop()!;
  if (last.length < 4 || !/^\p{Lu}\p{Ll}+$/u.test(last)) return [];
  const stem = last.slice(0, -1);
  const forms = /a$/.test(last)
    ? [`${last}n`, `${last}ian`, `${stem}ian`, `${stem}ese`]
    : /ey$/.test(last)
      ? [`${last.slice(0, -2)}ish`]
      : /y$/.test(last)
        ? [`${stem}ian`, stem]
        : /e$/.test(last)
          ? [`${last}an`, `${stem}ian`]
          : /o$/.test(last)
            ? [`${stem}an`]
            : /i$/.test(last)
              ? [`${last}an`]
              : /[^aeiou]$/.test(last)
                ? [`${last}ian`, `${last}ese`, `${last}i`]
                : [];
  return forms.map((form) => [...words, form].join(' '));
}

/**
 * Demonyms for the known places and states, as further aliases; a form two of them would share ("Nigerian": Nigeria
 * or Niger) or that already names something else is left to neither.
 */
function derivedDemonyms(entities: KnownEntity[]): Map<KnownEntity, string[]> {
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases]));
  const owners = new Map<string, KnownEntity[]>();
  for (const entity of entities) {
    if (entity.kind !== 'PLACE' && entity.kind !== 'STATE') continue;
    for (const form of demonymsOf(entity.name)) if (!taken.has(form)) owners.set(form, [...(owners.get(form) ?? []), entity]);
  }
  const derived = new Map<KnownEntity, string[]>();
  for (const [form, [entity, ...others]] of owners) if (others.length === 0) derived.set(entity!, [...(derived.get(entity!) ?? []), form]);
  return derived;
}

/**
 * "Kenya Supreme Court", "China's ministry of civil affairs": the forms English gives a body named "<Body> of <Place>"
 * when the place comes first, its words in lower case after a possessive, for a place the store knows.
 */
function derivedBodyForms(entities: KnownEntity[]): Map<KnownEntity, string[]> {
  const places = new Set(entities.filter((e) => e.kind === 'PLACE' || e.kind === 'STATE').map((e) => e.name));
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases]));
  const derived = new Map<KnownEntity, string[]>();
  for (const entity of entities) {
    if (entity.kind !== 'ORGANIZATION') continue;
    const m = /^(\p{Lu}.*) of (?:the )?([^,()]+)$/u.exec(entity.name);
    if (!m || !places.has(m[2]!)) continue;
    const [body, place] = [m[1]!, m[2]!];
    const forms = [
      `${place} ${body}`,
      `${place}'s ${body}`,
      `${place}’s ${body}`,
      `${place}'s ${body.toLowerCase()}`,
      `${place}’s ${body.toLowerCase()}`,
    ];
    derived.set(
      entity,
      forms.filter((form) => !taken.has(form)),
    );
  }
  return derived;
}

const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'But',
  'And',
  'Since',
  'Although',
  'According',
  'To',
  'Much',
  'By',
  'Contrary',
  'Ironically',
  'He',
  'She',
  'It',
  'They',
  'This',
  'That',
  'These',
  'Those',
  'His',
  'Her',
  'Their',
  'Its',
  'Our',
  'Your',
  'My',
  'Please',
  'If',
  'As',
  'For',
  'With',
  'While',
  'After',
  'Before',
  'When',
  'During',
  'Under',
  'Despite',
  'Following',
  'Amid',
  'Between',
  'Among',
  'Ahead',
  'Upon',
  'From',
  'Over',
  'Through',
  'Without',
  'Within',
  'Against',
  'About',
  'Around',
  'Nearly',
  'Almost',
  'Some',
  'Several',
  'More',
  'Only',
  'Both',
  'Each',
  'Every',
  'All',
  'Today',
  'Tomorrow',
  'Yesterday',
  'Now',
]);
const CLOSES_NO_NAME = /^(The|A|An|He|She|It|They|This|That|These|Those|His|Her|Their|Its|Our|Your|My|Please)$/;
/**
 * The page's own words, not the story's: photo credits ("FILE PHOTO", "Copyright Evgenia Novozhenina"), buttons
 * ("Close Button") and header labels ("Global Times Published: 2018/11/21"). A run of capitals is cut at them.
 */
const FURNITURE =
  /^(Copyright|Photo|PHOTO|FILE|Credit|Credits|Button|Published|Updated|Posted|Share|Close|Print|Follow|Reporting|Editing|Writing)$/;
/** Offices a person holds, when compromise does not read them as such: "Speaker of the Chamber of Deputies". */
/** Heads of a body's name: "the Government Information Department", not a portfolio ("Foreign Affairs"). */
const BODY_HEADS =
  /\b(Department|Ministry|Chamber|Council|Committee|Assembly|Commission|Parliament|Congress|Senate|House|Agency|Office|Bank|Court|Authority|Bureau|Board|Division|Party|Union|Institute|University|Corporation|Administration|Secretariat)\b/;
/** "Foreign Ministry", "Lagos State Secretariat": a name whose words include a body's head names a body, not a person. */
export const namesABody = (name: string) => BODY_HEADS.test(name);
/**
 * "Prime Minister Jotham Napat": two or three capitalised words after a title are a person's name even when compromise
 * knows neither as a first name; the title says whose.
 */
const TITLED_NAME = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}$/u;
/** A broadcaster's programme ("Prime Time News Bulletin 6.55 pm") is the page's video list, not the story's. */
const PROGRAMME = / (Bulletin|Newscast|Podcast)$/;
const ROLE_WORDS = /^(Speaker|Chairman|Chairperson|Chair|Head|Director|Secretary|Governor|Mayor|Minister|President|Commissioner)$/;
/** Text before the subject of a document: its head, then its parties' names, acronyms and joiners, then "on". */
const DOCUMENT_ON =
  /\b(?:MOU|MoU|MOUs|MoUs|Memorandum|Memoranda|Understanding|Agreements?|Treaty|Treaties|Convention|Charter|Declaration|Protocol|Accord|Pact)(?: (?:of|between|and|the|for|with|\p{Lu}[\p{L}’'-]*|\(\p{Lu}[\p{L}]*\))){0,16} on (?:the )?(?:\p{Lu}\p{Ll}+ in (?:the )?)?$/u;
const SHORT_MONTH = /^(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
const CALENDAR =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Runs of capitalised words that name no known entity: candidates for new entities. */
export function unknownNamesIn(sentence: string, mentions: Mention[]): Array<{ name: string; index: number }> {
  const found: Array<{ name: string; index: number }> = [];
  // "6:24AM EDT": capitals run on from a number or a word open no name.
  const run =
    /(?<![\p{L}\p{N}])(?:(?:[A-Z]\.){1,4} [A-Z][\p{L}’'-]*[\p{L}](?![\p{L}’'-]|[ -]?[A-Z])|(?:(?:[A-Z]\.){1,4} (?=[A-Z]))?(?:[A-Z][\p{L}’'-]*[\p{L}]|[A-Z]{2,})(?:[ -](?:(?:of|the|of the|de|for|and) )?(?:(?:[A-Z]\.){1,4} (?=[A-Z][\p{L}]))?(?:[A-Z][\p{L}’'-]*[\p{L}]|[A-Z]{2,}|[IVX]{1,4}(?![\p{L}])|[B-Z](?= \p{Lu}\p{Ll})|\d+(?![\p{L}\d])))+)/gu;
  for (const whole of sentence.matchAll(run)) {
    for (const piece of piecesOf(whole[0], whole.index!)) found.push(...namesOfRun(sentence, piece.name, piece.index, mentions));
  }
  return found;
}

/** A run cut at the page's furniture words, which are dropped. */
function piecesOf(run: string, at: number): Array<{ name: string; index: number }> {
  const pieces: Array<{ name: string; index: number }> = [];
  let words: string[] = [];
  let start = at;
  let offset = at;
  for (const word of run.split(' ')) {
    if (FURNITURE.test(word)) {
      if (words.length > 0) pieces.push({ name: words.join(' '), index: start });
      words = [];
      start = offset + word.length + 1;
    } else words.push(word);
    offset += word.length + 1;
  }
  if (words.length > 0) pieces.push({ name: words.join(' '), index: start });
  return pieces;
}

function namesOfRun(sentence: string, run: string, runAt: number, mentions: Mention[]): Array<{ name: string; index: number }> {
  const found: Array<{ name: string; index: number }> = [];
  {
    let name = run;
    let index = runAt;
    // "1:44:31 PM Politics": a clock's PM opens no name.
    if (/^(AM|PM) /.test(name) && /\d\s$/.test(sentence.slice(0, index))) {
      name = name.slice(3);
      index += 3;
    }
    while (true) {
      const [first, ...rest] = name.split(' ');
      if (
        rest.length === 0 ||
        !(NOT_NAMES.has(first!) || /^(the|of|and|for|de)$/.test(first!) || CALENDAR.test(first!.replace(/’s$|'s$/, '')))
      )
        break;
      name = rest.join(' ');
      index += first!.length + 1;
    }
    // "16:41 IST The head …", "SUBSCRIBE Please": an article, a pronoun or a prompt closes no name; it opens the next
    // sentence or the page's call, run into the capitals before it.
    while (name.includes(' ') && CLOSES_NO_NAME.test(name.slice(name.lastIndexOf(' ') + 1))) name = name.slice(0, name.lastIndexOf(' '));
    name = name.replace(/’s$|'s$/, '');
    // "the AAP-Congress alliance", "South-South cooperation", "SBP-held reserves": one hyphenated word before a common
    // noun, or ending in a lower-case participle, qualifies that noun as an adjective would; two places joined
    // ("Guinea-Bissau officials") still name one.
    if (
      /^[^\s\d]+-[^\s\d]+$/u.test(name) &&
      !nlp(name)
        .json()[0]
        ?.terms.every((t: { tags: string[] }) => t.tags.includes('Place'))
    ) {
      const next = /^ (\p{Ll}\p{L}*)/u.exec(sentence.slice(index + name.length))?.[1];
      if (/-\p{Ll}/u.test(name) || (next && nlp(next).has('^#Noun') && !nlp(next).has('^#Verb'))) return found;
    }
    // "… Signs 7 Cooperation Agreements to Boost Trade": after "to", a headline's verb in capitals opens a purpose
    // clause, not a name, unless compromise reads the capitals as a name ("to Mark Carney", "to Bank of America").
    if (
      /\bto $/.test(sentence.slice(0, index)) &&
      nlp(`to ${name.toLowerCase()}`).has('^to #Infinitive') &&
      !nlp(name).has('(#Person|#Place|#Organization)')
    )
      return found;
    // "an MoU on Gender Equality", "the Memorandum of Understanding between the two coast guards (VCG) on Maritime
    // Cooperation", "the Convention on the Law of the Sea": capitals after a document and "on" are what it is about,
    // a field of policy in title case, not a body or a person; "on Cooperation in Agriculture" names one field too.
    if (DOCUMENT_ON.test(sentence.slice(Math.max(0, index - 200), index))) return found;
    // "Bulletin 6.55 pm", "Sunday's 6.1-magnitude quake": a number going on after a point is a time or a measure.
    if (/ \d+$/.test(name) && /^[.:]\d/.test(sentence.slice(index + name.length))) name = name.replace(/ \d+$/, '');
    // "Memorandums of Understanding (MoUs)": an acronym in the plural is a common noun's, not a name's.
    if (/^\s*\(\p{Lu}[\p{L}]*\p{Lu}s\)/u.test(sentence.slice(index + name.length))) return found;
    // "(PIB NEWS) The Prime Minister …": capitals in brackets are an outlet's credit, not a name the story tells.
    if (!/\p{Ll}/u.test(name) && name.includes(' ') && sentence[index - 1] === '(') return found;
    // "Lagos State Secretariat", "the Fiji High Commission": a known place opening a body's name is part of it.
    const inside = mentions.filter((mention) => index < mention.index + mention.surface.length && mention.index < index + name.length);
    const last = inside.at(-1);
    const placeOfBody =
      last !== undefined &&
      // A place's adjective ("Sri Lankan Foreign Ministry") describes the body the store knows under another name.
      inside.every(
        (mention) =>
          (mention.entity.kind === 'PLACE' || mention.entity.kind === 'STATE') &&
          !demonymsOf(mention.entity.name).includes(mention.surface),
      ) &&
      last.index >= index &&
      // "Vietnam’s Party": after a possessive the place owns the body it names, it does not open its name.
      name.slice(last.index + last.surface.length - index).startsWith(' ') &&
      BODY_HEADS.test(name.slice(last.index + last.surface.length - index));
    if (inside.length > 0 && !placeOfBody) {
      // "Philippine Defense Secretary Gilberto Teodoro", "Botswana's Foreign Minister Pelonomi Venson Moitoi": a known
      // place's word before a title qualifies the office; the person holding it is new.
      const after = name.slice(last!.index + last!.surface.length - index);
      const titled = /^(?:’s|'s)? /.test(after) ? properName(after.replace(/^(?:’s|'s)? /, '')) : null;
      // Whoever holds an office or a style is a person, even one whose first name compromise does not know
      // ("Pakistan President Mamnoon Hussain", "Tonga Prime Minister Dr Aisake Eke", "Prime Minister Jotham Napat").
      const office = titled ? after.replace(/^(?:’s|'s)? /, '').slice(0, titled.offset) : '';
      if (
        titled &&
        titled.offset > 0 &&
        (nlp(titled.name).has('^#Person') ||
          TITLED_NAME.test(titled.name) ||
          (!namesABody(titled.name) && nlp(office).has('(#Actor|#Honorific)')))
      ) {
        const at = index + name.length - after.replace(/^(?:’s|'s)? /, '').length + titled.offset;
        found.push({ name: titled.name, index: at });
      }
      return found;
    }
    // "Miral Fahmy and Kevin Krolicki" are two people, "China and North Korea" a country beside a name.
    // "Belt and Road Initiative" is one name: a single common word ("Belt") is no name of its own.
    // "National Assembly Nguyen Thi Kim Ngan": a body's name run into the name of the person who heads it.
    const head = new RegExp(`^(?<body>.*${BODY_HEADS.source}) (?<person>\\p{Lu}\\S* \\p{Lu}.*)$`, 'u').exec(name)?.groups;
    if (head && (/^(\p{Lu}\.)+ /u.test(head.person!) || nlp(head.person!).has('^#FirstName'))) {
      return [head.body!, head.person!].flatMap((part, i) => {
        const named = properName(part);
        return named ? [{ name: named.name, index: index + (i === 0 ? 0 : head.body!.length + 1) + named.offset }] : [];
      });
    }
    const halves = name.split(' and ');
    // "Storheia and Roan": single words joined are two places or people, each too short a name to propose alone, unless
    // compromise reads one country in them ("Trinidad and Tobago", whose "and" it does not tag as a conjunction).
    const singleWords = halves.every((part) => /^\p{Lu}\p{Ll}+$/u.test(part)) && nlp(name).has('#Conjunction');
    const parts =
      halves.length > 1 &&
      (singleWords ||
        halves.every(
          (part) =>
            /^\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,2}$/u.test(part) ||
            // "Coca-Cola and Delta Air Lines", "Minoru Kihara and Philippine Defense Secretary Gilberto Teodoro".
            /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(part) ||
            (properName(part)?.offset ?? 0) > 0 ||
            nlp(part).has('(#Person|#Place)'),
        ))
        ? halves
        : [name];
    let at = index;
    for (const part of parts) {
      const named = properName(part);
      if (named) found.push({ name: named.name, index: at + named.offset });
      at += part.length + ' and '.length;
    }
  }
  return found;
}

/** Words that may open a title before a name: "Russian Foreign Minister Sergei Lavrov". */
const TITLE_WORDS = new Set([
  'Foreign',
  'Deputy',
  'Vice',
  'Prime',
  'Acting',
  'Former',
  'Senior',
  'Chief',
  'State',
  'Defence',
  'Defense',
  'Justice',
  'Justices',
  'Judge',
  // Ranks of armed forces and police compromise does not read as offices: "Commodore Esala Teleni", "Police
  // Superintendent Dave Cliff".
  'Commodore',
  'Superintendent',
  'Inspector',
  'Sergeant',
  'Constable',
  'Corporal',
  'Lieutenant',
  'Colonel',
  'Brigadier',
  'Police',
  'Detective',
  // Offices written with a hyphen, one word to a name's run: "Attorney-General Godfred Dame".
  'Attorney-General',
  'Solicitor-General',
  'Auditor-General',
  'Inspector-General',
  'Director-General',
  'Secretary-General',
  'Governor-General',
]);

/** Whether a word is a title that may go before a name compromise does not read as one: "Commodore", "Attorney-General". */
export const isTitleWord = (word: string) => TITLE_WORDS.has(word) || STYLES.has(word);

/** Letters after a name for an office or an honour: "Lovelace Johnson JSC", "Dame Jane Smith DBE". */
const POST_NOMINALS = /^(?:JSC|JCA|JA|SAN|QC|KC|SC|MP|MLA|MPP|OBE|MBE|CBE|KBE|DBE|GCMG|KCMG|CMG|PhD|Esq\.?)$/;

/** A wire's flag before its headline: "UPDATE 1-Rio Tinto halts …", "EXCLUSIVE-…". */
const WIRE_FLAG = /^(?:UPDATE|REFILE|CORRECTED|EXCLUSIVE|WRAPUP|ANALYSIS|FACTBOX|INSIGHT|BREAKINGVIEWS)(?: \d+)?-(?=\p{Lu})/u;

/** "Article 27 of …", "Period of 2024-2029": a numbered part of a text or a span of years, not a name. */
const NUMBERED_PART = /^(?:Article|Section|Clause|Paragraph|Chapter|Rule|Annex|Schedule|Part|Item|Phase|Period|Stage)(?: of)? \d/;

/** Styles of address compromise does not tag as honorifics: "Sheikh Ahmed …", "His Majesty the Sultan". */
const STYLES = new Set(['Sheikh', 'Sheikha', 'Majesty', 'Highness', 'Excellency', 'H.E.', 'Hon', 'Hon.', 'Honourable', 'Honorable']);

/**
 * A candidate name cleaned of what compromise reads as no name: a title before it is dropped ("Foreign Minister
 * Sergei Lavrov" is Sergei Lavrov); titles alone ("Deputy Prime Minister"), adjectival forms ("North Korean",
 * "Turkish-Venezuelan", "Putin-Trump"), dates ("Aug 15", "26 June 2010") and verbs ("Coming Period") are none.
 */
function properName(candidate: string): { name: string; offset: number } | null {
  if (!readings.has(candidate)) {
    // Parsing is the import's costliest step and names recur in every article on a story: keep a bounded memory.
    if (readings.size >= 10_000) readings.clear();
    readings.set(candidate, readName(candidate));
  }
  return readings.get(candidate)!;
}

const readings = new Map<string, { name: string; offset: number } | null>();
/** Heads of common nouns news writes with capitals: happenings and kinds of document between governments. */
const COMMON_HEADS = /^(?:Visit|Trip|Tour|Memorandum|Memoranda|Memorandums)$/;

function readName(candidate: string): { name: string; offset: number } | null {
  const flag = WIRE_FLAG.exec(candidate);
  if (flag) {
    const named = readName(candidate.slice(flag[0].length));
    return named && { name: named.name, offset: flag[0].length + named.offset };
  }
  if (NUMBERED_PART.test(candidate)) return null;
  const words = candidate.split(' ');
  if (words.length >= 3 && POST_NOMINALS.test(words.at(-1)!)) return readName(words.slice(0, -1).join(' '));
  // "the Speaker and Attorney-General": offices joined by "and" are offices, not a name.
  if (words.every((w) => TITLE_WORDS.has(w) || ROLE_WORDS.test(w) || w === 'and')) return null;
  // compromise reads a hyphenated office as two terms, out of step with the words: it is dropped before the reading.
  if (words.length >= 3 && words[0]!.includes('-') && TITLE_WORDS.has(words[0]!)) {
    const named = readName(words.slice(1).join(' '));
    return named && { name: named.name, offset: words[0]!.length + 1 + named.offset };
  }
  // "COVID-19", "EEF-2022": a code in capitals numbered by its year or series labels a thing, not a party to it.
  if (/^\p{Lu}{2,}-\d+$/u.test(candidate) || PROGRAMME.test(candidate)) return null;
  // "the State Visit", "a Memorandum of Understanding": a happening or a kind of document written with capitals is still a
  // common noun; its head is the word before "of", else its last.
  const head = words.includes('of') ? words[words.indexOf('of') - 1] : words.at(-1);
  if (COMMON_HEADS.test(head ?? '') && words.length > 1 && !nlp(candidate.toLowerCase()).has('#ProperNoun')) return null;
  // "the President's Office in Colombo": an office's possession is a description.
  if (/^\p{Lu}\p{Ll}+(’s|'s)$/u.test(words[0]!) && ROLE_WORDS.test(words[0]!.replace(/’s$|'s$/, '')) && words.length > 1) return null;
  if (candidate.split(/[ -]/).some((w) => CALENDAR.test(w) || SHORT_MONTH.test(w)) || /^\d|^\p{Lu}+ \d+$/u.test(candidate)) return null;
  const terms = nlp(candidate).json()[0]?.terms as Array<{ text: string; tags: string[] }> | undefined;
  if (!terms || terms.at(-1)!.tags.includes('Demonym')) return null;
  // "the trilateral partnership of Mongolia-China-Russia": three places joined qualify, they name nothing new.
  if (words.length === 1 && terms.length >= 3 && terms.every((t) => t.tags.includes('Place'))) return null;
  // compromise reads "Putin-Trump" as two terms: a hyphenated person or demonym is an adjective here. After a first
  // name, a hyphenated last word is a surname: "Kim Jong-un", "Stella Ndabeni-Abrahams", "Abdullah Al-Yahya".
  const surname = words.length > 1 && terms[0]!.tags.includes('FirstName') && !words.slice(0, -1).some((w) => w.includes('-'));
  if (terms.length !== words.length) {
    // "Rear Admiral Antonette Wemyss-Gorman": compromise splits a hyphenated surname into two terms, so the words before
    // the first hyphen are still read one term each; titles and styles among them are no part of the name after them.
    const titles = words.findIndex(
      (w, i) =>
        w.includes('-') ||
        terms[i]!.text !== w ||
        !(TITLE_WORDS.has(w) || STYLES.has(w) || ['Actor', 'Honorific'].some((tag) => terms[i]!.tags.includes(tag))),
    );
    if (titles > 0 && words.length - titles >= 2) {
      const named = readName(words.slice(titles).join(' '));
      return named && { name: named.name, offset: words.slice(0, titles).join(' ').length + 1 + named.offset };
    }
    if (terms.some((t) => t.tags.includes('Hyphenated') && (t.tags.includes('Demonym') || (t.tags.includes('Person') && !surname))))
      return null;
    // "the Asia-Pacific region": a place joined to a word that is none qualifies a noun; "Guinea-Bissau" joins two.
    if (
      words.length === 1 &&
      terms.some((t) => t.tags.includes('Place')) &&
      terms.some((t) => !t.tags.includes('Place') && /^\p{L}+$/u.test(t.text))
    )
      return null;
    return candidate.split(/[ -]/).length >= 2 ? { name: candidate, offset: 0 } : null;
  }
  // "Fisheries and Agriculture", "Political and Diplomatic Consultations", "Work Program and Budget": common words joined
  // by "and", none a proper noun in lower case nor a person, place or body, are fields or tasks in title case, not a name.
  // A head with its own "of" ("Reciprocal Promotion and Protection of Investments") is the title of a treaty.
  if (
    words.includes('and') &&
    !words.includes('of') &&
    !namesABody(candidate) &&
    !nlp(candidate.toLowerCase()).has('#ProperNoun') &&
    !nlp(candidate).has('(#Person|#Place|#Organization)')
  )
    return null;
  // "Mausoleum of President Ho Chi Minh": a title inside a name opens the person's name it names after.
  const inner = terms.findIndex(
    (t, i) => i > 1 && words[i - 1] === 'of' && t.tags.includes('Actor') && terms[i + 1] && !terms[i + 1]!.tags.includes('Actor'),
  );
  if (inner > 0)
    return readName(words.slice(inner).join(' '))?.name === words.slice(inner + 1).join(' ')
      ? { name: words.slice(inner + 1).join(' '), offset: words.slice(0, inner + 1).join(' ').length + 1 }
      : null;
  // "Director General of the Government Information Department": an office of a body names the body.
  const body = /^(?:\p{Lu}[\p{L}]+ ){0,2}?of (?:the )?(.+)$/u.exec(candidate);
  const office = words.slice(0, words.indexOf('of'));
  if (
    body &&
    (office.some((w) => ROLE_WORDS.test(w)) || terms[0]!.tags.includes('Honorific')) &&
    body[1]!.includes(' ') &&
    BODY_HEADS.test(body[1]!)
  )
    return { name: body[1]!, offset: candidate.length - body[1]!.length };
  // "5:00 p.m. Eastern Time": a time zone; "Text size Aa Aa": a page's control, one word repeated.
  if (/ (Standard |Daylight |Mean )?Time$/.test(candidate) || (words.length > 1 && words.every((w) => w === words[0]))) return null;
  // "Pacific Leaders Adopt …", "Establish the PRF": a headline's clause in title case, its plural subject and verb.
  // Parsed again only where a plural or a determiner may make one: parsing is the import's costliest step.
  if (
    words.length > 1 &&
    (terms.some((t) => t.tags.includes('Plural') || t.tags.includes('Verb')) || words[1] === 'the') &&
    nlp(candidate.toLowerCase()).has('(#Plural #Verb|^#Infinitive #Determiner)')
  )
    return null;
  let skip = 0;
  while (
    skip < terms.length &&
    (TITLE_WORDS.has(words[skip]!) ||
      STYLES.has(words[skip]!) ||
      ['Actor', 'Demonym', 'Honorific'].some((tag) => terms[skip]!.tags.includes(tag)))
  )
    skip += 1;
  // "State Administration for Market Regulation", "Foreign Ministry": words that may open a title open a body's name.
  if (
    skip > 0 &&
    terms.slice(0, skip).every((t, i) => TITLE_WORDS.has(words[i]!) && !t.tags.includes('Actor')) &&
    BODY_HEADS.test(words.slice(skip).join(' '))
  )
    skip = 0;
  // "Both Foreign Affairs Ministers": holders of an office in the plural are a description ("of the People" is not).
  if (!words.includes('of') && terms.at(-1)!.tags.includes('Actor') && terms.at(-1)!.tags.includes('Plural')) return null;
  // "Minister of Foreign Affairs Ambassador Jorge Faurie": after an office and a title, the person holding them.
  const holder = terms.findIndex(
    (t, i) => i > skip && t.tags.includes('FirstName') && ['Actor', 'Honorific'].some((tag) => terms[i - 1]!.tags.includes(tag)),
  );
  if (skip > 0 && holder > 0 && terms.slice(holder).every((t) => t.tags.includes('ProperNoun')) && words.length - holder >= 2)
    return { name: words.slice(holder).join(' '), offset: words.slice(0, holder).join(' ').length + 1 };
  // "Minister of Mining and Energy Dubravka Djedovic Handanovic": after an office of fields, the last words compromise
  // reads as a person's are the office's holder, even with no first name it knows.
  // A title-cased field may read as a person too ("Justice", "Cooperation"): a first name in the run opens the name.
  const trailing = terms.length - [...terms].reverse().findIndex((t) => !t.tags.includes('Person'));
  const first = terms.findIndex((t, i) => i >= trailing && t.tags.includes('FirstName'));
  const person = first > 0 ? first : trailing;
  if (skip > 0 && words[skip] === 'of' && person <= terms.length - 2 && person > skip + 1)
    return { name: words.slice(person).join(' '), offset: words.slice(0, person).join(' ').length + 1 };
  // "International Relations Minister Naledi Pandor", "Head of Public Service Dr Joseph Kinyua": an office run into
  // the name of its holder, who is named after the last word of an office or a style.
  const role = terms
    .map((t, i) => ['Actor', 'Honorific'].some((tag) => t.tags.includes(tag)) || ROLE_WORDS.test(words[i]!) || STYLES.has(words[i]!))
    .lastIndexOf(true);
  const holderName = words.slice(role + 1);
  if (role >= skip && holderName.length >= 2 && holderName.every((w) => /^\p{Lu}/u.test(w)) && !namesABody(holderName.join(' ')))
    return { name: holderName.join(' '), offset: words.slice(0, role + 1).join(' ').length + 1 };
  // "Minister of Foreign Affairs" is an office, not a name; so are "Head of State" and "Head of Public Service", whose
  // first word compromise does not read as an office: what they are of names no body.
  if (skip > 0 && /^(of|for|the|de|and)$/.test(words[skip] ?? '')) return null;
  if (ROLE_WORDS.test(words[0]!) && words[1] === 'of' && !namesABody(candidate)) return null;
  const rest = terms.slice(skip);
  if (rest.length === 0 || rest[0]!.tags.includes('Gerund')) return null;
  if (
    rest.length === 1 &&
    /\p{Lu}[\p{Ll}]+-\p{Lu}/u.test(rest[0]!.text) &&
    rest[0]!.tags.some((t) => t === 'Person' || t === 'Demonym' || t === 'Place')
  )
    return null;
  const name = words.slice(skip).join(' ');
  if (name.split(/[ -]/).length < 2 || words.slice(skip).every((w) => NOT_NAMES.has(w))) return null;
  return { name, offset: words.slice(0, skip).join(' ').length + (skip > 0 ? 1 : 0) };
}
