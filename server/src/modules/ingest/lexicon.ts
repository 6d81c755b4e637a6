import nlp from 'compromise';

/**
 * Happenings found by the lemma of the word that names them, not by its forms: "sanctioned", "sanctioning" and
 * "sanctions" are one entry, "conferred with" and "discussed with" are meetings without a phrasing of their own.
 * compromise gives each word's root; this lexicon says which roots name which kind of happening.
 */
interface LexiconEntry {
  type: string;
  /**
   * A verb entry is read only where compromise tags the word a verb ("visit" names no happening in "a visit card" no
   * more than in "visited"); a noun entry is read whatever the tag, as compromise reads "hold talks" as two verbs.
   */
  as: 'verb' | 'noun' | 'either';
  /** What must follow the word for it to name the happening: "arrived in Lisbon", not "arrived at a decision". */
  followedBy?: RegExp;
  /** Only with someone as its object: "to meet Governor Costa", not "to meet growing demand"; a past verb has had one. */
  someone?: boolean;
  /** Another kind when the nearest verb before it is one of these: "held a summit" is a conference, "a summit meeting" a meeting. */
  after?: { lemmas: string[]; type: string };
  /** What must not follow it: "received a letter" is no meeting. */
  notFollowedBy?: RegExp;
  /** Not with a thing as its object, in any tense: "received the ambassador", not "received all necessary approvals". */
  notAThing?: boolean;
  /** Read only where compromise does not tag the word a verb: "an indefinite strike", not "struck a deal". */
  notVerb?: boolean;
  /**
   * Only with a body as its subject: "the central bank kept the rate unchanged" and "the court dismissed the case" are
   * decisions, "he kept his word" is none.
   */
  byBody?: boolean;
}

/** "a deal", "the memorandum of understanding": what is signed, concluded or inked is an agreement. */
const AGREED_THING =
  /^(?:\s+[\p{L}\d'’$.,-]+){0,8}?\s+(?:agreements?|accords?|pacts?|memorand(?:ums?|a)|deals?|treaty|treaties|MoUs?|contracts?|joint (?:statement|declaration|communiqu[eé])|(?:cooperation )?documents)\b/iu;
/** "in Lisbon", "at Porto Airport": a place named after a verb of arriving. */
const AT_PLACE = /^\s+(?:in|at)\s+(?:the\s+)?\p{Lu}/u;

export const EVENT_LEXICON: Record<string, LexiconEntry> = {
  sanction: { type: 'SANCTIONS', as: 'either', notFollowedBy: /^\s+(?:regime|list|relief|committee)\b/i },
  // A ban or a suspension of someone is a sanction laid on them, as CAMEO's embargoes, boycotts and sanctions (163) are:
  // "FIFA banned Ahmad Ahmad", "the ICC has suspended Sri Lanka Cricket's membership", "a suspension by the ICC".
  ban: { type: 'SANCTIONS', as: 'either' },
  suspend: { type: 'SANCTIONS', as: 'verb' },
  suspension: { type: 'SANCTIONS', as: 'noun' },
  invade: { type: 'INVASION', as: 'verb' },
  invasion: { type: 'INVASION', as: 'noun' },
  meet: { type: 'MEETING', as: 'verb', someone: true },
  meeting: { type: 'MEETING', as: 'noun' },
  talk: { type: 'MEETING', as: 'noun' },
  confer: { type: 'MEETING', as: 'verb', followedBy: /^\s+with\b/i },
  discuss: { type: 'MEETING', as: 'verb' },
  discussion: { type: 'MEETING', as: 'noun' },
  receive: { type: 'MEETING', as: 'verb', notFollowedBy: /^\s+(?:an?|\d|more|less|support|funding|aid)\b/i, notAThing: true },
  conversation: { type: 'MEETING', as: 'noun' },
  lunch: { type: 'MEETING', as: 'noun' },
  dinner: { type: 'MEETING', as: 'noun' },
  encounter: { type: 'MEETING', as: 'noun' },
  summit: { type: 'MEETING', as: 'noun', after: { lemmas: ['hold', 'attend', 'host'], type: 'CONFERENCE' } },
  conference: { type: '', as: 'noun', after: { lemmas: ['hold', 'attend', 'host'], type: 'CONFERENCE' } },
  forum: { type: '', as: 'noun', after: { lemmas: ['hold', 'attend', 'host'], type: 'CONFERENCE' } },
  speak: {
    type: 'STATEMENT',
    as: 'verb',
    followedBy: /^\s+(?:at|to)\s+(?:the\s+)?(?:\p{Lu}|[\p{Ll}-]+\s+(?:night|session|ceremony|rally|conference|summit|forum))/u,
  },
  visit: { type: 'VISIT', as: 'either' },
  trip: { type: 'VISIT', as: 'noun' },
  stopover: { type: 'VISIT', as: 'noun' },
  arrive: { type: 'VISIT', as: 'verb', followedBy: AT_PLACE },
  arrival: { type: 'VISIT', as: 'noun', followedBy: /^\s+in\b/i },
  land: { type: 'VISIT', as: 'verb', followedBy: AT_PLACE },
  travel: { type: 'VISIT', as: 'verb', followedBy: /^\s+to\b/i },
  leave: { type: 'VISIT', as: 'verb', followedBy: /^\s+for\b/i },
  depart: { type: 'VISIT', as: 'verb', followedBy: /^\s+for\b/i },
  sign: { type: 'AGREEMENT', as: 'verb', followedBy: AGREED_THING },
  signing: { type: 'AGREEMENT', as: 'noun', followedBy: AGREED_THING },
  conclude: { type: 'AGREEMENT', as: 'verb', followedBy: AGREED_THING },
  ink: { type: 'AGREEMENT', as: 'verb', followedBy: AGREED_THING },
  // Happenings of the general kinds of news ontologies (ACE's conflict, justice and personnel events, CAMEO's protest):
  // each a happening of its own, typed OTHER.
  protest: { type: 'OTHER', as: 'either', notFollowedBy: /^\s+(?:against|over|at)\s+(?:the\s+)?(?:decision|move|remarks?|comments?)\b/i },
  demonstration: { type: 'OTHER', as: 'noun' },
  // CAMEO's protests and its fights (145, 190): "protesters clashed with police", "clashes broke out", "riots erupted", "a
  // rally in the capital"; a rally of prices or shares is a market's, no happening.
  clash: { type: 'OTHER', as: 'either', notFollowedBy: /^\s+(?:over|on|about)\b/i },
  riot: { type: 'OTHER', as: 'either' },
  rally: {
    type: 'OTHER',
    as: 'noun',
    notVerb: true,
    notFollowedBy:
      /^\s+(?:in|of|on|for)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:prices?|shares?|stocks?|markets?|equities|bonds?|oil|gold|dollar|yen|euro|rupee|currenc(?:y|ies))\b/iu,
  },
  parade: { type: 'OTHER', as: 'noun' },
  crash: { type: 'OTHER', as: 'noun' },
  explosion: { type: 'OTHER', as: 'noun' },
  arrest: { type: 'OTHER', as: 'verb' },
  resign: { type: 'OTHER', as: 'verb' },
  resignation: { type: 'OTHER', as: 'noun' },
  inauguration: { type: 'OTHER', as: 'noun' },
  inaugurate: { type: 'OTHER', as: 'verb' },
  // CAMEO's strikes and obstructions of passage (143–145), ACE's trial hearing and start of a position, and its
  // proposal.
  strike: {
    type: 'OTHER',
    as: 'noun',
    notVerb: true,
    notFollowedBy: /^\s+(?:against\b|(?:on|at)\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d))/i,
  },
  barricade: { type: 'OTHER', as: 'verb' },
  blockade: { type: 'OTHER', as: 'verb' },
  hearing: { type: 'OTHER', as: 'noun', notVerb: true },
  appointment: { type: 'OTHER', as: 'noun', followedBy: /^\s+(?:as|of)\b/i },
  appoint: { type: 'OTHER', as: 'verb', followedBy: /^\s+(?:\p{Lu}|(?:him|her|them)\b)/u },
  propose: { type: 'PROPOSAL', as: 'verb' },
  wreath: { type: '', as: 'noun', after: { lemmas: ['lay', 'laid', 'place'], type: 'OTHER' } },
  communique: { type: '', as: 'noun', after: { lemmas: ['release', 'issue', 'adopt'], type: 'STATEMENT' } },
  // A body's decisions (ACE's justice events, a central bank's or a cabinet's acts): a court's order or dismissal, a
  // rate raised, cut or kept, a plan approved or rejected.
  decide: { type: 'OTHER', as: 'verb', byBody: true },
  order: { type: 'OTHER', as: 'verb', byBody: true },
  direct: { type: 'OTHER', as: 'verb', byBody: true },
  dismiss: { type: 'OTHER', as: 'verb', byBody: true },
  declare: { type: 'OTHER', as: 'verb', byBody: true, notFollowedBy: /^\s+(?:that|its|their)\b/i },
  approve: { type: 'OTHER', as: 'verb', byBody: true },
  reject: { type: 'OTHER', as: 'verb', byBody: true },
  raise: { type: 'OTHER', as: 'verb', byBody: true, notFollowedBy: /^\s+(?:\S+\s+)?(?:concerns?|issues?|questions?|matters?)\b/i },
  cut: { type: 'OTHER', as: 'verb', byBody: true },
  keep: { type: 'OTHER', as: 'verb', byBody: true },
  lower: { type: 'OTHER', as: 'verb', byBody: true },
  activate: { type: 'OTHER', as: 'verb', byBody: true },
};

interface Term {
  text: string;
  normal: string;
  root?: string;
  tags: string[];
  pre: string;
  post: string;
  offset: { start: number; length: number };
}

/**
 * The noun phrase after a verb (past "with", articles, possessives and adjectives) ends in a person, a body or a place:
 * "Governor Ana Weber", not "Vincentian students" nor "growing demand".
 */
function objectIsSomeone(after: Term[]): boolean {
  const start = after.findIndex(
    (t) => !/^(?:with|the|a|an)$/i.test(t.normal) && !t.tags.some((tag) => tag === 'Adjective' || tag === 'Possessive'),
  );
  if (start < 0) return false;
  let end = start;
  while (
    end + 1 < after.length &&
    !/[,;:.]/.test(after[end]!.post) &&
    after[end + 1]!.tags.includes('Noun') &&
    !after[end + 1]!.tags.includes('Pronoun')
  )
    end += 1;
  return namesSomeone(after[end]!);
}

/** A word for a person, a body or a place. compromise does not tag "counterpart" as a person's office, though it always is one. */
function namesSomeone(term: Term): boolean {
  return (
    term.normal.startsWith('counterpart') ||
    term.tags.some((tag) => ['Person', 'ProperNoun', 'Actor', 'Pronoun', 'Organization', 'Place'].includes(tag))
  );
}

/** Those who are received though compromise reads them as plain nouns. */
const RECEIVED_PEOPLE = /^(?:delegations?|teams?|guests?|visitors?|envoys?|officials?|leaders?|ministers?|ambassadors?)$/;

/**
 * "all necessary approvals", "the latest figures": the object, past determiners, adverbs and adjectives, is a common
 * noun that names no one. "by the minister" (a passive), "at the airport" and "the visiting minister" are not things
 * received.
 */
function objectIsAThing(after: Term[]): boolean {
  const head = after.find(
    (t) =>
      !/^(?:all|the|its|their|his|her|our|these|those|this|that)$/i.test(t.normal) &&
      !t.tags.includes('Adjective') &&
      !t.tags.includes('Adverb'),
  );
  return (
    head !== undefined &&
    /^\p{Ll}/u.test(head.text) &&
    head.tags.includes('Noun') &&
    !RECEIVED_PEOPLE.test(head.normal) &&
    !namesSomeone(head)
  );
}

/** Titles, people and pronouns: "the president decided" is a person's choice, not a body's decision. */
const PERSONAL = ['Person', 'Actor', 'Pronoun', 'FirstName', 'LastName', 'Honorific'];

/**
 * The verb's subject if it is a body: the noun phrase just before it (past adverbs, auxiliaries, "on Monday", "today" and a
 * bracketed acronym), opening its clause, is no person, title or pronoun ("The State Bank of Pakistan (SBP) on Monday
 * decided", "the court had directed"); compromise's parts of speech, not a list of bodies.
 */
function bodySubject(terms: Term[], at: number): string | null {
  let i = at - 1;
  const skippable = (t: Term) =>
    t.tags.includes('Auxiliary') ||
    t.tags.includes('Adverb') ||
    t.tags.includes('Date') ||
    /^(?:on|last|also|today|yesterday)$/.test(t.normal) ||
    (t.tags.includes('Acronym') && t.pre.includes('('));
  while (i >= 0 && skippable(terms[i]!) && !/[,;:]/.test(terms[i]!.post)) i -= 1;
  const head = terms[i];
  if (!head || !head.tags.includes('Noun') || head.tags.some((tag) => PERSONAL.includes(tag)) || /[,;:]/.test(head.post)) return null;
  const end = i;
  while (
    i >= 0 &&
    !/[,;:]/.test(terms[i - 1]?.post ?? ',') &&
    (terms[i - 1]!.tags.includes('Noun') || terms[i - 1]!.tags.includes('Adjective') || terms[i - 1]!.normal === 'of')
  )
    i -= 1;
  const opener = terms[i - 1];
  if (opener?.tags.includes('Determiner') && !/[,;:]/.test(opener.post)) i -= 1;
  if (i !== 0 && !/[,;:]/.test(terms[i - 1]!.post)) return null;
  return terms
    .slice(i, end + 1)
    .map((t) => t.text)
    .join(' ');
}

export interface Trigger {
  type: string;
  lemma: string;
  /** Where the word stands in the text, in UTF-16 units. */
  index: number;
  words: string;
  pastTense: boolean;
  /** A body's decision: the words of the body that is its verb's subject ("the court", "The State Bank"). */
  body?: string;
}

/** Every word of `text` whose lemma the lexicon names a happening, read as the part of speech the entry asks for. */
export function triggersIn(text: string): Trigger[] {
  const doc = nlp(text);
  doc.compute('root');
  const triggers: Trigger[] = [];
  for (const sentence of doc.json({ offset: true }) as Array<{ terms: Term[] }>) {
    for (const [i, term] of sentence.terms.entries()) {
      const lemma = term.root ?? term.normal;
      const word = term.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      const byForm = EVENT_LEXICON[word.toLowerCase()];
      const entry = byForm ?? EVENT_LEXICON[lemma];
      if (!entry) continue;
      const isVerb = term.tags.includes('Verb');
      if ((entry.as === 'verb' && !isVerb) || (entry.notVerb && isVerb)) continue;
      // "visiting Reuters President Paul Bascobert": a participle before a name describes the person, it tells no happening;
      // after an auxiliary ("is visiting") or a preposition of time ("after landing in Hanoi") it tells one.
      const previous = sentence.terms[i - 1];
      if (
        !byForm &&
        term.tags.includes('Gerund') &&
        !previous?.tags.includes('Auxiliary') &&
        !/^(?:after|before|upon|since)$/.test(previous?.normal ?? '')
      )
        continue;
      const index = text.indexOf(word, term.offset.start);
      if (index < 0) continue;
      const after = text.slice(index + word.length);
      if (entry.followedBy && !entry.followedBy.test(after)) continue;
      if (entry.notFollowedBy?.test(after)) continue;
      if (entry.someone && !term.tags.includes('PastTense') && !objectIsSomeone(sentence.terms.slice(i + 1))) continue;
      if (entry.notAThing && objectIsAThing(sentence.terms.slice(i + 1))) continue;
      const body = entry.byBody && !term.tags.includes('Gerund') ? bodySubject(sentence.terms, i) : null;
      if (entry.byBody && !body) continue;
      const verbBefore = sentence.terms
        .slice(Math.max(0, i - 4), i)
        .reverse()
        .find((t) => t.tags.includes('Verb') && !t.tags.includes('Auxiliary'));
      const type = entry.after && entry.after.lemmas.includes(verbBefore?.root ?? verbBefore?.normal ?? '') ? entry.after.type : entry.type;
      if (!type) continue;
      triggers.push({ type, lemma, index, words: word, pastTense: term.tags.includes('PastTense'), ...(body ? { body } : {}) });
    }
  }
  return triggers;
}
