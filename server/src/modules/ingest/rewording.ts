import nlp from 'compromise';

import type { Gazetteer } from './gazetteer.js';

/**
 * How a claim said in one outlet's words is said in another's: the words it turns on, with names, acronyms, stems and
 * news synonyms folded, over the clauses a sentence is made of. Pure; `corroborate.ts` decides with it.
 */

/** Words that carry no proposition, and verbs of saying: "X said" and "according to X" word the same claim. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being has have had it its this that these ' +
    'those their they them he she his her we our us you your i me my which who whom whose what when where while than then there ' +
    'here not no so if into over about after before also would will can could may might should must do does did very more most ' +
    'such other both each all any some only own same just up out one two said says say saying told tells tell according added ' +
    'adding stated stating noted noting called calling described describing quoted quoting reported reporting statement spokesman ' +
    'spokeswoman spokesperson mr mrs ms dr'
  ).split(' '),
);

/**
 * Words that say when relative to the report, not what: "on Tuesday" in one outlet is "today (14)" or "yesterday" in
 * another's; "still", "currently", "furthermore" frame a claim, and prepositions relate its words, without adding to
 * it. Figures are compared apart.
 */
const FRAME_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning afternoon evening ' +
    'earlier later currently still now already furthermore moreover meanwhile however several during including among between within since under until ' +
    'against through across via'
  ).split(' '),
);

/** Titles a name carries in one outlet and not in another ("President Xi Jinping", "Mr Xi", "Xi"). */
const TITLES = new Set(
  'president vice prime minister premier chancellor secretary foreign defence defense general king queen prince sheikh mayor governor senator ambassador envoy chief deputy judge justice mr mrs ms dr counterpart'.split(
    ' ',
  ),
);

/**
 * Words news copy uses for one another when it rewords a report: a pact is an agreement, an exchange or a meeting is
 * talks, a trip is a visit. Each maps to the group's first word, compared after stemming.
 */
const SYNONYM_GROUPS = [
  ['agreement', 'pact', 'accord', 'deal', 'treaty'],
  ['talk', 'meeting', 'meet', 'met', 'conversation', 'exchange', 'discussion'],
  ['troop', 'force', 'soldier'],
  ['arrive', 'land'],
  ['visit', 'trip'],
  ['ready', 'willing', 'prepared'],
  ['give', 'offer', 'grant', 'provide'],
  ['official', 'authority'],
  ['die', 'kill', 'death', 'dead'],
];

/**
 * Words nearly every report of one state's dealings with another uses: two claims sharing them share little. They
 * count half.
 */
const COMMON_IN_NEWS = new Set(
  'bilateral cooperation relation tie strengthen deepen enhance promote partnership mutual friendly country side leader official government sign agre memorandum understand visit talk'
    .split(' ')
    .map((w) => w),
);

/** Words of opposite sense: a claim that a figure rose is not corroborated by one that it fell. */
const OPPOSITES: Array<[string, string]> = [
  ['rise', 'fall'],
  ['increase', 'decrease'],
  ['approve', 'reject'],
  ['win', 'lose'],
  ['accept', 'refuse'],
  ['support', 'oppose'],
  ['lift', 'impose'],
];

const NEGATION = /\b(not|no|never|neither|nor|without)\b|n[’']t\b/i;

/** "partners" and "partner", "signed" and "signing", "deployment" and "deploy" are one word here: the stem a reworded claim keeps. */
export function stem(word: string): string {
  if (word.length > 8 && word.endsWith('ment')) return word.slice(0, -4);
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "agreed" and "agree", "arrived" and "arrive" stem apart; without a final e they are one ("agreements" twice stemmed). */
const root = (word: string) => {
  const stemmed = stem(stem(word));
  return stemmed.length > 4 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
};

const SYNONYMS = new Map(SYNONYM_GROUPS.flatMap((group) => group.map((word) => [root(word), root(group[0]!)] as const)));
const OPPOSITE_ROOTS = OPPOSITES.map(([a, b]) => [root(a), root(b)] as const);
/** Forms of "die" the stem leaves apart from it. */
const IRREGULAR = new Map([
  ['died', 'die'],
  ['dies', 'die'],
]);

type Conjugation = Record<string, string>;
/** compromise's own conjugator, which its published types leave untyped. */
const { toInfinitive, conjugate } = (
  nlp.methods() as {
    two: {
      transform: {
        verb: { toInfinitive(word: string, model: unknown, tense: string): string; conjugate(word: string, model: unknown): Conjugation };
      };
    };
  }
).two.transform.verb;
const model = nlp.model();
const lemmas = new Map<string, string>();

/**
 * An irregular verb's infinitive, as compromise conjugates it: "kept" is "keep", "held" "hold", "taken" "take", so
 * "kept the rate unchanged" and "decided to keep the rate unchanged" share their verb. Only a form that conjugating
 * the infinitive gives back, of a verb compromise knows ("need" is not a form of "nee").
 */
function lemmaOf(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (!/^\p{Ll}+$/u.test(word)) return word;
  let lemma = lemmas.get(word);
  if (lemma === undefined) {
    lemma = word;
    for (const tense of ['PastTense', 'Participle']) {
      const infinitive = toInfinitive(word, model, tense);
      if (infinitive === word || !nlp(infinitive).has('#Infinitive')) continue;
      const forms = conjugate(infinitive, model);
      if (forms.PastTense === word || forms.Participle === word) {
        lemma = infinitive;
        break;
      }
    }
    lemmas.set(word, lemma);
  }
  return lemma;
}

/**
 * "MANILA, July 9 (Reuters) - ", "TOKYO (Jiji Press) — ", "Beijing, Jan 15 (PTI) ", "Hanoi (VNA) – ", "Metro Manila
 * (CNN Philippines, October 26) – ", "REPORTER: ": the desk's words before the report's.
 */
const DESK =
  /^(?:\p{Lu}[\p{Lu}\s.]+(?:,[^()–—:]{0,25}?)?\s*(?:\([^)]{0,40}\))?\s*(?:--|–|—|-)|\p{Lu}[\p{L}\s]{1,25}\s\([^)]{2,40}\)\s*(?:--|–|—|-)|\p{Lu}[\p{Lu}\s]+:|\p{Lu}[\p{L}\s]{1,25},\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s+\(\p{Lu}{2,10}\))\s+/u;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (text: string) =>
  fold(text)
    .replace(/[’']s\b/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words a claim turns on, lower-cased, without accents, function words or saying verbs, stemmed, synonyms joined. */
export function contentWords(text: string): string[] {
  return [
    ...new Set(
      wordsOf(text.replace(DESK, ''))
        .filter((w) => !FUNCTION_WORDS.has(w) && (w.length > 1 || /\d/.test(w)))
        .map(stem)
        .map((w) => SYNONYMS.get(w) ?? w),
    ),
  ];
}

/**
 * What the texts at hand say of names: known entities and their aliases (the store's), a person's surname alone
 * when the store knows only one person by it, and acronyms the texts spell out ("the Reciprocal Access Agreement
 * (RAA)"), so that a name and its short form are one term.
 */
export interface Lexicon {
  gazetteer: Gazetteer | null;
  surnames: Map<string, string>;
  /** Acronym → the lower-cased words it stands for. */
  acronyms: Map<string, string[]>;
}

const SPELLED_OUT = /((?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|and|for|on|the|de)\s+)*){1,7}\p{Lu}[\p{L}’'-]*)\s+\((\p{Lu}[\p{Lu}\p{Ll}]{1,9})\)/gu;

/** Acronyms a text spells out, when their capitals are the initials of the words before them ("MoUs" too). */
export function acronymsIn(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, phrase, acronym] of text.matchAll(SPELLED_OUT)) {
    const letters = acronym!
      .replace(/s$/, '')
      .replace(/\p{Ll}/gu, '')
      .toLowerCase();
    const words = phrase!.split(/\s+/);
    for (let start = 0; start < words.length; start += 1) {
      const initials = words
        .slice(start)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0]!.toLowerCase())
        .join('');
      if (initials === letters && /^\p{Lu}/u.test(words[start]!)) {
        found.set(acronym!.replace(/s$/, ''), words.slice(start).map(fold));
        break;
      }
    }
  }
  return found;
}

export function lexiconOf(texts: string[], gazetteer: Gazetteer | null = null): Lexicon {
  const surnames = new Map<string, string>();
  const shared = new Set<string>();
  for (const entity of gazetteer?.entities ?? []) {
    if (entity.kind !== 'PERSON') continue;
    const surname = entity.name.trim().split(/\s+/).pop()!;
    if (surname.length < 3 || surname === entity.name.trim()) continue;
    if (surnames.has(surname) && surnames.get(surname) !== entity.id) shared.add(surname);
    surnames.set(surname, entity.id);
  }
  for (const surname of shared) surnames.delete(surname);
  const acronyms = new Map<string, string[]>();
  for (const text of texts) for (const [acronym, words] of acronymsIn(text)) acronyms.set(acronym, words);
  return { gazetteer, surnames, acronyms };
}

export const emptyLexicon: Lexicon = { gazetteer: null, surnames: new Map(), acronyms: new Map() };

/** One thing a claim names or says: the keys it can be known by (an acronym's term is also its head noun's). */
interface Term {
  keys: ReadonlySet<string>;
  weight: number;
  /** A known entity's. */
  named?: boolean;
  /** A known person's. */
  person?: boolean;
}

const ENTITY = '\u0001';

const entityKey = (id: string) => `${ENTITY}${id.replace(/[^\p{L}\p{N}]/gu, '')}`;

const peopleByLexicon = new WeakMap<Lexicon, ReadonlySet<string>>();

/** The terms standing for the people the lexicon knows. */
function peopleOf(lexicon: Lexicon): ReadonlySet<string> {
  let people = peopleByLexicon.get(lexicon);
  if (!people) {
    people = new Set((lexicon.gazetteer?.entities ?? []).filter((e) => e.kind === 'PERSON').map((e) => fold(entityKey(e.id))));
    peopleByLexicon.set(lexicon, people);
  }
  return people;
}

const MONTH_WORD = /^(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?$/;

/** "6.5%", "6.5 percent" and "6.5 per cent" are one figure said one way. */
const PERCENT = /(\d)\s*(?:%|per\s?cent\b)/giu;

/**
 * Counts from three up, spelled out: "five per cent" in one outlet is "5 percent" in another. "One" and "two" stay
 * words: "one of", "the two sides" count nothing a claim turns on; so does a count that makes an adjective ("a
 * four-day visit"), which measures the thing rather than counting what the claim counts.
 */
const COUNT_WORDS = ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const COUNT_WORD = new RegExp(`\\b(${COUNT_WORDS.join('|')})\\b(?!-)`, 'giu');
const withCountsInFigures = (text: string) => text.replace(COUNT_WORD, (word) => String(COUNT_WORDS.indexOf(word.toLowerCase()) + 3));

/** Names the lexicon knows, each replaced by one word standing for the entity, with the titles before it dropped. */
function withNamesFolded(text: string, lexicon: Lexicon): string {
  const mentions = lexicon.gazetteer?.mentionsIn(text) ?? [];
  let out = '';
  let at = 0;
  for (const mention of mentions) {
    out += `${text.slice(at, mention.index)} ${entityKey(mention.entity.id)} `;
    at = mention.index + mention.surface.length;
  }
  out += text.slice(at);
  return out.replace(/\b\p{Lu}[\p{Ll}’'-]+\b/gu, (word) =>
    lexicon.surnames.has(word) ? ` ${entityKey(lexicon.surnames.get(word)!)} ` : word,
  );
}

/** The terms of a span: content words rooted and joined by synonym, names and acronyms as one term each. */
export function termsOf(text: string, lexicon: Lexicon = emptyLexicon): Term[] {
  // "the Xi-Dissanayake talks", "the Russia-Ukraine war": two names joined, each known on its own.
  let folded = withNamesFolded(
    withCountsInFigures(text.replace(DESK, ''))
      .replace(/(\p{Lu}\p{Ll}+)-(?=\p{Lu})/gu, '$1 ')
      .replace(PERCENT, '$1 percent'),
    lexicon,
  );
  const acronymTerms = new Map<string, Term>();
  for (const [acronym, words] of lexicon.acronyms) {
    // "Memorandum of Understanding" is a memorandum, "Reciprocal Access Agreement" an agreement.
    const of = words.indexOf('of');
    const head = root(words[(of > 0 ? of : words.length) - 1]!);
    const term = { keys: new Set([`${ENTITY}${acronym.toLowerCase()}`, SYNONYMS.get(head) ?? head]), weight: 1 };
    const phrase = new RegExp(`${words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '.?')).join('\\s+')}(?:\\s*\\(${acronym}s?\\))?`, 'giu');
    folded = folded
      .replace(phrase, ` ${ENTITY}${acronym.toLowerCase()} `)
      .replace(new RegExp(`\\b${acronym}s?\\b`, 'gu'), ` ${ENTITY}${acronym.toLowerCase()} `);
    acronymTerms.set(`${ENTITY}${acronym.toLowerCase()}`, term);
  }
  // Names the store does not know: the first word of a run of capitals inside the sentence ("Indira Gandhi International Airport").
  const unknownNames = new Set(
    [...folded.matchAll(/(?<=(?:^|\s)[\p{Ll}\p{N}][\p{L}\p{N}’'-]*[,;]?\s+)\p{Lu}[\p{Ll}’'-]+/gu)]
      .map((m) => fold(m[0]).replace(/[’']s$/, ''))
      .filter((w) => !TITLES.has(w)),
  );
  const raw =
    fold(folded)
      .replace(/[’']s\b/g, '')
      .match(new RegExp(`${ENTITY}?[\\p{L}\\p{N}]+`, 'gu')) ?? [];
  const terms = new Map<string, Term>();
  raw.forEach((word, i) => {
    if (word.startsWith(ENTITY)) {
      terms.set(word, acronymTerms.get(word) ?? { keys: new Set([word]), weight: 1, named: true, person: peopleOf(lexicon).has(word) });
      return;
    }
    if (FUNCTION_WORDS.has(word) || FRAME_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) return;
    // "Foreign Minister Yoko Kamikawa": titles directly before the name, not "the mayor of Vigo".
    const titled = (k: number): boolean => raw[k]?.startsWith(ENTITY) || (TITLES.has(raw[k] ?? '') && titled(k + 1));
    if (TITLES.has(word) && titled(i + 1)) return;
    // "Nov. 16" and "November 16": one month, and no name (the months are compared as figures are).
    const month = MONTH_WORD.exec(word)?.[1];
    if (month) {
      terms.set(month, { keys: new Set([month]), weight: 1 });
      return;
    }
    const rooted = root(lemmaOf(word));
    const key = SYNONYMS.get(rooted) ?? rooted;
    terms.set(key, { keys: new Set([key]), weight: COMMON_IN_NEWS.has(key) ? 0.5 : 1, named: unknownNames.has(word) });
  });
  return [...terms.values()];
}

const RESUMED =
  /,\s+(?=(?:\p{Ll}+ed|was|is|were|are|has|have|had|held|met|said|told|made|took|gave|left|went|came|will|would|can|could|may|must)\b)(.*)$/u;

/** Clauses that set the scene of what a sentence claims, the time or the occasion, rather than claiming it. */
const SETTING = /^(?:while|as|after|before|when|during)\b/;
/** A scene-setting clause that reports what someone said ("… as authorities said the toll had risen to 273") claims it. */
const REPORTED = /^(?:while|as|after|when)\s+(?:[\p{L}’'-]+\s+){1,4}(?:said|says|told|reported|announced|confirmed|stated)\b/u;

/**
 * The spans a sentence says something in: its main clause (without relative clauses, appositions, clauses of time or
 * manner, and the attribution that closes it) and each of those clauses, a relative clause with the short subject
 * it describes ("Dissanayake, who arrived …"). `claims` are the spans a reader takes it to claim: the main clause, its
 * appositions and relative clauses ("Ruto, the first African leader to …"), not the scene it is set in ("… as Xi and
 * Duterte met in Manila"). A quote of several sentences, kept whole as one claim, is also read sentence by sentence,
 * since another outlet may quote or report one of them alone.
 */
export function spansOf(sentence: string): { main: string; claims: string[]; clauses: string[] } {
  const inner = sentence.split(INNER_SENTENCE);
  if (inner.length > 1) {
    const each = inner.map(spansOfOne);
    const whole = spansOfOne(sentence);
    return {
      main: whole.main,
      claims: [...whole.claims, ...each.flatMap((s) => s.claims)],
      clauses: [...whole.clauses, ...inner, ...each.flatMap((s) => s.clauses)],
    };
  }
  return spansOfOne(sentence);
}

/** Where a sentence inside a quote ends: after a stop that ends a word of two small letters or more ("Mr." and "D.Y." do not), before a capital. */
const INNER_SENTENCE = /(?<=\p{Ll}{2}[.!?…]["”’]?)\s+(?=["“‘]?\p{Lu})/u;

/** The spans of one sentence, as `spansOf` describes them. */
function spansOfOne(sentence: string): { main: string; claims: string[]; clauses: string[] } {
  const text = sentence
    .replace(DESK, '')
    .replace(/,\s+(?:[^,]{0,60}\s)?(?:said|says|told [^,]{0,30}|added|noted|stated|according to [^,]{0,60})\.?\s*$/u, '')
    .replace(/^according to [^,]{0,60},\s*/iu, '');
  // A denial does not reach into the clause of condition or cause that follows it: "will not return until the
  // government returns the 5 per cent" affirms the cut it asks back.
  const pieces = text.split(
    /(;\s+|,\s+(?=(?:which|who|whom|whose|where|while|as|after|before|when|saying|adding|heading|pointing|citing|making|meaning|although|though|currently|now)\b)|(?<=\p{Lu}\p{L}*),\s+(?=(?:a|an|the)\s)|\s+(?=(?:during|while|as(?=\s+\p{Lu}))\s)|\s+(?=as\s+(?:[\p{L}’'-]+\s+){1,4}(?:said|says|told|reported|announced|confirmed|stated)\s)|\s+(?=(?:until|unless|because)\s))/u,
  );
  const clauses: Array<{ text: string; subordinate: boolean }> = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim();
    const separator = pieces[i - 1] ?? '';
    const subordinate = i > 0 && !/^;/.test(separator);
    const previous = clauses[clauses.length - 1];
    const relative = /^(?:who|which|whose)\b/.test(piece) && previous && previous.text.split(/\s+/).length <= 4;
    // "Dissanayake, currently on a visit to China, held …": the clause between commas ends where the verb of the main one comes.
    const [inserted, resumed] = subordinate && /^(?:who|which|whose|currently|now|a|an|the)\b/.test(piece) ? piece.split(RESUMED) : [piece];
    clauses.push({ text: relative ? `${previous.text} ${inserted}` : inserted!, subordinate });
    if (resumed) clauses.push({ text: resumed, subordinate: false });
  }
  const main = clauses
    .filter((c) => !c.subordinate)
    .map((c) => c.text)
    .join(' ');
  const asides = clauses.filter((c) => c.subordinate && (!SETTING.test(c.text) || REPORTED.test(c.text))).map((c) => c.text);
  return { main, claims: [main, ...asides], clauses: clauses.map((c) => c.text) };
}

const MONTHS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:uary|ruary|ch|il|e|y|ust|tember|t|ober|ember)?\b\.?/g;
const MONTH_NAME = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/.source;
const FIGURE = new RegExp(`(?:\\b(${MONTH_NAME})\\s+)?\\b(\\d+(?:\\.\\d+)?)(st|nd|rd|th)?\\b(?:\\s+(?:of\\s+)?(${MONTH_NAME}))?`, 'g');

/**
 * The figures a span names, each with its kind: a year, a day of a month, an ordinal, or a quantity. "The 54th meeting"
 * and "the 2025 meeting", or "on March 28th" and "the 2024 meeting", name different kinds of figure, which cannot
 * disagree; "19 children" and "25 children" can.
 */
const numbersIn = (text: string) =>
  new Set(
    [...text.replace(/(\d),(\d{3})/g, '$1$2').matchAll(FIGURE)].map(([, monthBefore, figure, ordinal, monthAfter]) => {
      const value = Number(figure);
      if (/^(?:1[89]|20)\d\d$/.test(figure!)) return `year ${value}`;
      if ((monthBefore || monthAfter) && value >= 1 && value <= 31) return `day ${value}`;
      return ordinal ? `ordinal ${value}` : `quantity ${value}`;
    }),
  );
const monthsIn = (text: string) => new Set([...text.matchAll(MONTHS)].map((m) => m[1]!));

/** What a span is compared by: its terms, whether it denies, its words' roots, the figures and months it names. */
export interface SpanReading {
  terms: Term[];
  negated: boolean;
  roots: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  months: ReadonlySet<string>;
}

export function readSpan(text: string, lexicon: Lexicon = emptyLexicon): SpanReading {
  const plain = withCountsInFigures(text.replace(DESK, ''));
  return {
    terms: termsOf(text, lexicon),
    negated: NEGATION.test(text),
    roots: new Set(wordsOf(text).map((w) => root(lemmaOf(w)))),
    numbers: numbersIn(plain),
    months: monthsIn(plain),
  };
}

/** Names two sentences share: with two or more, they are about the same people and places, and generic words count in full. */
export function sharedNames(a: SpanReading, b: SpanReading): number {
  const names = new Set(b.terms.filter((t) => t.named).flatMap((t) => [...t.keys]));
  return a.terms.filter((t) => t.named && [...t.keys].some((key) => names.has(key))).length;
}

/**
 * Whether two sentences are about different known entities: each names some, and none in common ("It was Khan's first
 * visit to Sri Lanka" and "It was the first visit to Mozambique by a foreign minister"). Clauses are not compared so:
 * one may name the place and the other the people of one happening.
 */
export function namesClash(a: SpanReading, b: SpanReading): boolean {
  const names = (reading: SpanReading) => reading.terms.filter((t) => t.named).flatMap((t) => [...t.keys]);
  const keys = (reading: SpanReading) => new Set(reading.terms.flatMap((t) => [...t.keys]));
  const [namesA, namesB, keysA, keysB] = [names(a), names(b), keys(a), keys(b)];
  // A name is told apart by its capital only inside a sentence: "The Monetary Board raised …" names what "the policy-making Monetary Board" does.
  return namesA.length > 0 && namesB.length > 0 && !namesA.some((key) => keysB.has(key)) && !namesB.some((key) => keysA.has(key));
}

/**
 * Whether two sentences name different known people beside any they share: each names someone the other does not
 * ("Al-Yahya met Wang Yi" and "Faisal met Al-Yahya"). One meeting told twice names the same people, or one side names
 * fewer of them.
 */
export function peopleDiffer(a: SpanReading, b: SpanReading): boolean {
  const keys = (reading: SpanReading) => new Set(reading.terms.flatMap((t) => [...t.keys]));
  const namesOthers = (reading: SpanReading, other: ReadonlySet<string>) =>
    reading.terms.some((t) => t.person && ![...t.keys].some((key) => other.has(key)));
  return namesOthers(a, keys(b)) && namesOthers(b, keys(a));
}

/** Whether two spans say opposite things: one denies what the other affirms, or uses a word's opposite. */
export function opposed(a: SpanReading, b: SpanReading): boolean {
  if (a.negated !== b.negated) return true;
  return OPPOSITE_ROOTS.some(
    ([x, y]) =>
      (a.roots.has(x) && !a.roots.has(y) && b.roots.has(y) && !b.roots.has(x)) ||
      (a.roots.has(y) && !a.roots.has(x) && b.roots.has(x) && !b.roots.has(y)),
  );
}

const FIGURE_KINDS = ['year ', 'day ', 'ordinal ', 'quantity '];

/** Figures or months both name and none of which agree: the two say different things however many words they share. */
export function figuresDisagree(a: SpanReading, b: SpanReading): boolean {
  const disjoint = (x: ReadonlySet<unknown>, y: ReadonlySet<unknown>) => x.size > 0 && y.size > 0 && ![...x].some((n) => y.has(n));
  const ofKind = (figures: ReadonlySet<string>, kind: string) => new Set([...figures].filter((f) => f.startsWith(kind)));
  return FIGURE_KINDS.some((kind) => disjoint(ofKind(a.numbers, kind), ofKind(b.numbers, kind))) || disjoint(a.months, b.months);
}

/**
 * Whether two spans name one figure that dates or counts something, not a year alone: "13 agreements" and "13
 * cooperation treaties", "the sixth time" and "his sixth attempt", "in July 2012" twice. A year alone is shared by
 * every report of that year.
 */
export function shareFigure(a: SpanReading, b: SpanReading): boolean {
  const shared = [...a.numbers].filter((n) => b.numbers.has(n));
  const monthShared = [...a.months].some((m) => b.months.has(m));
  return shared.some((n) => !n.startsWith('year ')) || (monthShared && shared.length > 0);
}

/** The harmonic mean of the (weighted) share of each span's terms found in the other. */
export function termOverlap(a: Term[], b: Term[], sameNames = false): number {
  if (a.length < 3 || b.length < 3) return 0;
  const meets = (term: Term, others: Term[]) => others.some((other) => [...term.keys].some((key) => other.keys.has(key)));
  const weight = (terms: Term[]) => terms.reduce((sum, t) => sum + (sameNames ? 1 : t.weight), 0);
  const [foundA, foundB] = [weight(a.filter((t) => meets(t, b))), weight(b.filter((t) => meets(t, a)))];
  if (foundA === 0 || foundB === 0) return 0;
  const [shareA, shareB] = [foundA / weight(a), foundB / weight(b)];
  return (2 * shareA * shareB) / (shareA + shareB);
}
