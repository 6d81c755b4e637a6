import nlp from 'compromise';

import { SPEECH_LEMMAS, tellsASaying } from './attribution.js';
import { triggersIn } from './lexicon.js';
import { ABOUT_TO } from './time-expressions.js';

/**
 * Happenings found by the words that name them ("met", "talks", "signed an agreement", "a three-day visit",
 * "imposed sanctions", "the G8 Summit"), wherever they stand in a sentence, not only beside a date: the event
 * frames of issue 16. Each frame says what kind of happening it is, whether the sentence puts it ahead
 * ("will visit", "expected to sign"), whether it is under way as the article is written ("is on a visit"),
 * and whether the words only refer to it as the setting of another ("during the G20 summit").
 */
export interface Frame {
  type: string;
  /** Where its words stand in the sentence, in UTF-16 units. */
  index: number;
  words: string;
  /** A verb in the past tense ("signed", "met"): reported on a day, it happened that day or in the days before. */
  pastVerb: boolean;
  expected: boolean;
  ongoing: boolean;
  /** "has met", "have signed": told in the present perfect, it happened by the time of writing, with no other date. */
  perfect: boolean;
  /** "also met": another happening of the kind the text has told, not the same one told again. */
  also: boolean;
  /** "Dissanayake's talks with Xi", "his meeting with the mayor": a happening of someone's, likely told before. */
  possessive: boolean;
  /**
   * "held talks with the leaders of the three countries": with a group the text describes and does not name, so not
   * the same happening as one of its kind with people named.
   */
  withGroup: boolean;
  /**
   * "During his talks with Putin", "after talks with Modi": named as the setting of what the sentence tells, with no
   * definite article, so a happening of someone's that is told here for the first time unless one of its kind was told before.
   */
  setting: boolean;
  /** A body's decision ("the court had directed", "the central bank kept the rate"): the words of that body. */
  body?: string;
}

/**
 * A summit with a name of its own ("the G8 Summit", "the 5th World Media Summit") or an organisation's ("the
 * International Solar Alliance's founding summit") is a conference, not a meeting; so is a meeting named as a body's
 * own ("the Forum Leaders' Meeting", "the Foreign Ministers Meeting"), its name in capitals.
 */
export const NAMED_CONFERENCE =
  /\b(?:G\d+ |(?!(?:The|A|An|This|That|Their|His|Her|Its|Our)\b)(?:\p{Lu}[\p{L}\d-]*['’]? )+|(?:\p{Lu}[\p{L}\d-]* )+\p{Lu}[\p{L}\d-]*['’]s (?:\p{Ll}+ )?)(?:[Ss]ummit|Forum|Conference|Meeting)\b/gu;

export const SUMMIT_OF_MEMBERS = /\b(?:extraordinary|ordinary|emergency) summit\b|\bsummit of (?:the|its)\b/gi;

/**
 * "the Supreme Court on Friday declared … invalid", "annulled the election", "dismissed an election petition": a court's
 * acts, ACE's justice events. Its subject a court, a judge, a tribunal or a constitutional council, the verb a ruling
 * ("Norway's Supreme Court has ruled", "the Constitutional Council overturned his decision", "upheld"), a conviction, a
 * sentence or an acquittal, or an extradition allowed ("a Honduran judge authorized the extradition", "The top court
 * has backed the extradition of …", "ratified a decision to extradite").
 */
export const COURT_RULING =
  /(?<=\b(?:court|judges?|tribunal|constitutional council)\b[^.;]{0,60}?)\b(?:annulled|nullified|declared\b[^.;]{0,60}?\b(?:invalid|null and void|unconstitutional)|overturned|quashed|struck down|dismissed (?:an? |the )?(?:election )?petition|ruled\b(?! out\b)|upheld|convicted|sentenced|acquitted|(?:authori[sz]ed|backed|ratified|approved|granted)(?=(?:\s+[\w’'-]+){0,4}\s+extradit))/gi;
/** "saw a landmark ruling", "a verdict": a court's decision told for the first time, with an indefinite article. */
export const RULING = /(?<=\ban?\s+(?:[\p{Ll}-]+\s+)?)(?:ruling|verdict|judgment)\b/giu;
/** "the 6.1-magnitude quake struck on Sunday", "the 2008 disaster in Sichuan". */
export const DISASTER =
  /\b(?:earthquake|quake|tsunami|typhoon|cyclone|hurricane|landslide|eruption|disaster|flood(?:ing)?|wildfire|bushfire)s?\b(?![- ](?:relief|zone|area|management|preparedness))/gi;
/** "an election", not the "election win", "election petition" or "electoral commission" that refer to one held. */
export const ELECTION_HELD =
  /(?<!\b(?:annul|cancel|nullify|invalidate|overturn|challenge|contest)s?\s+(?:(?:a|an|the|this|that|its|his|her|their)\s+)?(?:[\p{Ll}-]+\s+)?)\belections?\b(?! (?:win|victory|results?|petitions?|commission|body|board|officials?|observers?|laws?)\b)(?!\s+(?:have|has|had) been (?:challenged|contested|annulled|cancell?ed|overturned))/giu;

/**
 * "withdrew last year from a 2015 international nuclear accord", "pulled out of the treaty", "terminated its merger
 * agreement": leaving or ending a pact is a happening of its own, not the pact.
 */
export const WITHDRAWAL =
  /\b(?:withdr[ae]w|withdrawn|withdrawing|pulled out|pulling out|walked away)\b(?=(?:\s+[\p{L}\d'’-]+){0,3}\s+(?:from|of)\b[^.;]{0,60}?\b(?:agreements?|accords?|pacts?|deals?|treaty|treaties|convention)\b)|\b(?:terminat(?:e|es|ed|ing)|cancell?(?:ed|ing|s)?|scrap(?:s|ped|ping)?|annull?(?:ed|ing|s)?|revok(?:e|es|ed|ing)|abrogat(?:e|es|ed|ing)|tore up|tearing up)\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\p{L}\d'’-]+\s+){0,2}(?:agreements?|accords?|pacts?|deals?|treaty|treaties|contracts?|convention)\b/giu;

/**
 * "several attacks on oil tankers", "Iran's downing of a U.S. drone", "air strikes on Iran": acts of force, each a
 * happening; "attack helicopters" are a kind of craft, no happening.
 */
export const ATTACK =
  /\b(?:attacks?|(?:air|missile|drone) ?strikes?|downing|shot down|shooting down|bombings?|raids?)\b(?!\s+(?:helicopters?|aircraft|submarines?|jets?|planes?|boats?|dogs?|ads?)\b)/gi;

/**
 * "went on strike at midnight", "went on a nationwide strike on Friday", "walked off their jobs", "a fire broke out":
 * CAMEO's strikes (143) told by the idiom that names them, whatever the date after them, and a happening that "broke
 * out".
 */
export const LABOUR_ACTION =
  /\b(?:went|gone|go|goes|going)\s+on\s+(?:an?\s+)?(?:[\p{Ll}-]+\s+)?strike\b|\bwalk(?:ed|s|ing)?\s+off\s+(?:their|the|his|her)\s+jobs?\b|\b(?:fire|blaze|clashes|riots?|violence|fighting)\s+(?:broke|has broken|have broken)\s+out\b/giu;

/**
 * "said at a press conference", "confirmed the decision at the closing press conference", "In a press briefing held after
 * the meeting, the summit recommended", "said in an emailed statement": the occasion of a saying is a statement made
 * there; a press conference only attended or held ("attend a news conference") tells no saying and stays a conference.
 * Read only where the sentence tells a saying.
 */
export const SAID_AT_BRIEFING =
  /\b(?:at|during|in)\s+(?:(?:an?|the|its|their|his|her)\s+)?(?!joint\b)(?:[\p{Ll}-]+\s+)?(?:(?:press|news|media)\s+(?:conference|briefing)|briefing|statement)\b/giu;

/**
 * "A joint communique issued at the end of yesterday's meeting", "a press release issued Monday", "with the release of the
 * Leaders' Communiqué", "a joint statement from the ministers says": a joint text issued, released or speaking is a
 * statement made, by those who issued it. One signed ("signed a joint declaration") is an agreement, read before.
 */
export const STATEMENT_ISSUED =
  /\b(?:joint\s+(?:statement|declaration|communiqu[eé])|communiqu[eé]|press release)(?!\p{L})(?=\s+(?:(?:was|were|has been|have been)\s+)?(?:issued|released|adopted|published)\b|\s+(?:from|by)\s+[^.;,]{1,40}?\s+(?:says|said|states|stated)\b)|(?<=\b(?:release|issuance|issuing|adoption|publication)\s+of\s+(?:the|a|an|its|their)\s+(?:[\p{L}\d’'-]+\s+){0,3})(?:communiqu[eé]|joint\s+(?:statement|declaration))(?!\p{L})/giu;

/**
 * "The announcement was made by the mayor", "the closure, announced by the harbour board,": a saying told in the passive
 * with whoever made it is a statement made, as the active "the mayor announced" is a saying.
 */
export const ANNOUNCED_BY =
  /(?<=\bannouncement\s+(?:was|has been|had been)\s+)made\s+by\b|(?<=(?:\b(?:was|were|been|is|are)|,)\s+)announced\s+by\b/giu;

/** Where the words of a kind are the lexicon's triggers of that kind, found by their lemma. */
const LEXICON = 'lexicon';

/** Words that name a happening of their own. Saying is a claim, not an event, and is not among them. */
const HAPPENINGS: Array<[RegExp | typeof LEXICON, string]> = [
  // A court's ruling is a happening of its own; the election it rules on is told before, not held anew.
  [COURT_RULING, 'OTHER'],
  [RULING, 'OTHER'],
  [WITHDRAWAL, 'OTHER'],
  [DISASTER, 'OTHER'],
  [ATTACK, 'OTHER'],
  [LABOUR_ACTION, 'OTHER'],
  [LEXICON, 'OTHER'],
  [LEXICON, 'INVASION'],
  [/\b(coup|seized power|overthrew)\b/gi, 'COUP'],
  [LEXICON, 'SANCTIONS'],
  [ELECTION_HELD, 'ELECTION'],
  [/\b(set up|established|establishment of) (diplomatic )?relations\b/gi, 'ESTABLISHMENT'],
  [
    /\b(signed|signing|sign|inked|reached|struck)\b[^.;]{0,60}?\b(agreements?|accords?|pacts?|memorand(?:ums?|a)|deals?|treaty|MoUs?|joint (?:statement|declaration|communiqu[eé])|(?:cooperation )?documents)\b|\b(?:have|has) agreed to (?:elevate|upgrade|raise|lift|establish)\b|\b(agreements?|accords?|pacts?|memorand(?:ums?|a)|deals?|treaty|MoUs?) (was|were) (signed|reached)\b|\b(accords?|agreements?|deals?|pacts?) (reached|signed|struck)\b/gi,
    'AGREEMENT',
  ],
  [LEXICON, 'AGREEMENT'],
  // Arriving in a place, travelling to it and leaving for it begin a visit.
  [LEXICON, 'VISIT'],
  // "has arrived at Beijing International Airport": arriving at a named place, not "at a decision".
  [/\b[Aa]rrive[sd] at (?=(?:the )?\p{Lu})/gu, 'VISIT'],
  // "addressed the nation": a speech to a people is a statement made on a day, beside what it said.
  [/\baddress(?:ed|es)? the (?:nation|country|people)\b/gi, 'STATEMENT'],
  [SAID_AT_BRIEFING, 'STATEMENT'],
  [NAMED_CONFERENCE, 'CONFERENCE'],
  [LEXICON, 'CONFERENCE'],
  // "travelled to Argentina for the G20", "attended the G7": a group of states stands for its summit when attended.
  [
    /(?<=\b(?:for|at|attend(?:ed|ing|s)?) the )G\d+\b(?! (?:countries|members|nations|economies|leaders|ministers|finance|summit|foreign))/g,
    'CONFERENCE',
  ],
  // A summit of a body's members ("an extraordinary summit of the bloc's heads of state") is a conference; "a summit
  // meeting with Kim" is a meeting of two.
  [SUMMIT_OF_MEMBERS, 'CONFERENCE'],
  // "spoke this evening with President Obama": a call with someone named, not a word to reporters.
  [/\b[Ss]poke(?: \w+){0,3} with (?:(?:the|his|her|their) )?(?=\p{Lu})/gu, 'MEETING'],
  // "is due to meet Premier Li Qiang", "will meet his Indian counterpart": a meeting ahead with someone named.
  [/(?<=\b(?:[Tt]o|[Ww]ill|[Ww]ould|[Ss]hall) )meet(?= (?:with )?(?:the |his |her |their )?\p{Lu})/gu, 'MEETING'],
  [LEXICON, 'MEETING'],
  [STATEMENT_ISSUED, 'STATEMENT'],
  [ANNOUNCED_BY, 'STATEMENT'],
  [LEXICON, 'STATEMENT'],
  [LEXICON, 'PROPOSAL'],
  // Calls and exchanges are named by more than one word, so by no single lemma.
  [/\b(?:exchange between|tete-a-tete|called on|(?:courtesy|phone|telephone) call|telephone conversation)\b/gi, 'MEETING'],
];

/** "during the G20 summit", "at this two-day summit", "at Sunday's ceremonies": the setting of the happening the sentence tells, not another one. */
const SETTING =
  /\b(during|at|on the sidelines of|after|before|ahead of|at the (?:end|close|start|beginning|conclusion|opening) of)\s+(the\s+|a\s+|an\s+|their\s+|his\s+|her\s+|its\s+|this\s+|that\s+)?([^\s,]+\s+){0,3}$/i;
/** "during an official visit by …": a setting named with an indefinite article is a happening told for the first time. */
const NEW_SETTING = /\b(during|at|on the sidelines of|after|before|ahead of)\s+(a|an)\s+([^\s,]+\s+){0,3}$/i;
/** "The talks", "the encounter": a happening told before, not a new one; a named conference is named anew each time. */
/** A setting named as someone's or with no article: not an anaphor, so it may be the happening's first telling. */
const OWN_SETTING =
  /\b(?:[Dd]uring|[Aa]fter|[Ff]ollowing|[Oo]n the sidelines of)\s+(?:(?:his|her|their|\p{Lu}[\p{L}-]*['’]s)\s+)?(?:(?!(?:the|this|that|these|those|its)\s)[\p{Ll}-]+\s+)?$/u;
const DEFINITE = /\b(the|this|that|these|those)\s+$/i;
/** "invited Trump to visit Moscow": an invitation, not yet a happening; so is "the significance of signing" an idea. */
const INVITED = /\binvit\w*\s+([^\s,]+\s+){1,3}to\s+$/i;
/** "resolving the issues through talks": a happening named as the means of another is not one told. */
const MEANS = /\b(through|via|by means of)\s+(?:[\p{Ll}-]+\s+)?$/u;
/**
 * "was formally received by the Deputy Foreign Minister upon his arrival", "received at the airport": a welcome that
 * opens a visit, not a meeting of its own.
 */
const WELCOME = /\b(airport|(?:on|upon) (?:his|her|their) arrival|on arrival|guard of honou?r|ceremonial welcome|red carpet)\b/i;
/** Regular talks are no single happening: "agreed to hold annual talks". */
const RECURRING = /\b(annual|regular|every year|yearly|monthly|periodic)\b/i;
const AHEAD = new RegExp(
  `\\b(will|shall|would|expected to|expects? to|hopes? to|plans? to|due to|planned|scheduled|to be held|looks? forward|looked forward|is to|are to|upcoming|coming period|${ABOUT_TO}|if )\\b`,
  'i',
);
const UNDER_WAY = /\b(is|are) (on|paying|making) (an?|his|her|their) [^.,;]{0,30}$|\b(has|have) arrived\b[^.,;]{0,40}$/i;
const PAST_VERB =
  /^(signed|inked|reached|struck|met|visited|arrived|travell?ed|left|departed|received|hosted|discussed|invaded|overthrew|seized power|set up|established)\b/i;
const PERFECT = /\b(has|have)\s+(?:(?:also|now|just|already|today)\s+)?(?:\w+\s+)?$/i;
/**
 * "nurses have voted resoundingly in favour of strike action", "the talks … have ended in Tashkent", "has imposed
 * targeted sanctions": the clause's verb in the present perfect, wherever it stands from the happening's words, tells
 * it was done by the time of writing. A verb followed by "to" or "that" tells something else ("have agreed to hold
 * talks", "has said that the talks …").
 */
function perfectClause(outside: string, index: number, words: string): boolean {
  const start = Math.max(outside.lastIndexOf(',', index), outside.lastIndexOf(';', index), outside.lastIndexOf(':', index)) + 1;
  const end = outside.slice(index + words.length).search(/[,;:.!?]/);
  const clause = outside.slice(start, end < 0 ? outside.length : index + words.length + end);
  return nlp(clause)
    .match('(has|have) #Adverb? been? #Adverb? #PastTense')
    .json()
    .some((m: { text: string }) => !/^\s*(?:to|that)\b/i.test(clause.slice(clause.indexOf(m.text) + m.text.length)));
}
const ALSO = /\balso\s+(?:\w+\s+)?$/i;
const POSSESSIVE = /(?:\p{L}['’]s|\b(?:his|her|their))\s+(?:[\p{Ll}-]+\s+)?$/u;
const WITH_GROUP =
  /^\s+with\s+(?:the|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,2}(?:leaders|heads|ministers|officials|executives|representatives|delegations|counterparts)\b/u;

/**
 * "no agreement was signed", "talks ended without agreement", "never visited", "did not hold talks": a happening the
 * text says did not take place, its words right after a negation.
 */
const NEGATED = /\b(?:no|not|never|without)\s+(?!only\b)(?:[\p{L}-]+\s+){0,2}$|n['’]t\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "failed to reach a deal", "declined to sign", "refused to attend the summit": a happening meant and not done. */
const NOT_DONE = /\b(?:fail|refuse|decline)(?:s|d|ed)?\s+to\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;
/**
 * "called off the visit", "cancelled her trip", "postponed the talks": a happening planned and not held. Leaving or
 * ending a pact is read before as a happening of its own.
 */
const CALLED_OFF =
  /\b(?:call(?:s|ed)?\s+off|cancell?(?:s|ed)?|postpon(?:es|ed)|scrap(?:s|ped)|shelv(?:es|ed)|abandon(?:s|ed))\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;

/**
 * "the agreement was not signed", "a meeting has never taken place": a happening named as the subject of a verb phrase
 * compromise reads as negative, the phrase right after its words.
 */
function negativeVerbAfter(outside: string, end: number): boolean {
  if (!/\b(?:not|never)\b|n['’]t\b/i.test(outside.slice(end))) return false;
  // "the election was not free and fair" says what it was, not that it was not held: a copula negates no happening.
  return (
    nlp(outside).verbs().json({ offset: true }) as Array<{
      offset: { start: number };
      verb: { negative: boolean; grammar: { copula?: boolean } };
    }>
  ).some((v) => v.verb.negative && !v.verb.grammar.copula && /^\s*$/.test(outside.slice(end, v.offset.start)));
}

/**
 * Whether the words of a happening at `index` tell one that did not take place: negated, failed, refused or called off.
 * Calling off is itself an act of the general kind ("the navy called off air strikes"), so it leaves an OTHER standing.
 */
export function notDone(text: string, index: number, length: number, type?: string): boolean {
  const before = text.slice(0, index);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  return (
    NEGATED.test(clause) ||
    NOT_DONE.test(clause) ||
    (type !== 'OTHER' && CALLED_OFF.test(clause)) ||
    negativeVerbAfter(text, index + length)
  );
}

/** The happenings a sentence names outside its quoted words (`outside`: the sentence with quotes blanked), one of a kind, left to right. */
export function framesIn(outside: string): Frame[] {
  const frames: Frame[] = [];
  /** Words already read as a happening: "the G8 Summit" is not also a meeting's "summit". */
  const covered: Array<{ index: number; length: number }> = [];
  const triggers = triggersIn(outside);
  for (const [pattern, type] of HAPPENINGS) {
    const matches =
      pattern === LEXICON
        ? triggers.filter((t) => t.type === type).map((t) => ({ index: t.index, words: t.words, pastTense: t.pastTense, body: t.body }))
        : [...outside.matchAll(pattern)].map((m) => ({ index: m.index, words: m[0], pastTense: PAST_VERB.test(m[0]), body: undefined }));
    // Reading the sentence's verbs is the costly part, so only where a briefing is named.
    if (pattern === SAID_AT_BRIEFING && matches.length > 0 && !tellsASaying(outside)) continue;
    for (const { index, words, pastTense, body } of matches) {
      if (covered.some((c) => index < c.index + c.length && c.index < index + words.length)) continue;
      covered.push({ index, length: words.length });
      const before = outside.slice(0, index);
      if (notDone(outside, index, words.length, type)) continue;
      // A sentence tells one happening of a kind: "seized power in a coup" is one coup; "left on a state visit …, has
      // arrived" is one visit, dated by the words in the present perfect.
      const same = frames.findIndex((f) => f.type === type);
      if (same >= 0 && (frames[same]!.perfect || !PERFECT.test(before))) continue;
      if (same >= 0) frames.splice(same, 1);
      // "the signing of memoranda", "the visit of President Trump": a definite happening with its complement is told anew.
      const told = DEFINITE.test(before) && !/^\s+of\b/.test(outside.slice(index + words.split(' ')[0]!.length));
      const setting = SETTING.test(before) && !NEW_SETTING.test(before);
      const ownSetting = setting && OWN_SETTING.test(before);
      if (
        (setting && !ownSetting) ||
        INVITED.test(before) ||
        MEANS.test(before) ||
        (type !== 'CONFERENCE' && told) ||
        (/ing\b/.test(words.split(' ')[0]!) && /\bof\s+$/.test(before))
      )
        continue;
      if (RECURRING.test(before.slice(-25) + words)) continue;
      if (/^received$/i.test(words) && WELCOME.test(outside)) continue;
      const expected = AHEAD.test(before.slice(Math.max(0, before.lastIndexOf(',') + 1, index - 60)));
      frames.push({
        type,
        index,
        words,
        pastVerb: pastTense,
        expected,
        ongoing: UNDER_WAY.test(before),
        perfect: PERFECT.test(before) || /^(has|have)\b/i.test(words) || (!expected && perfectClause(outside, index, words)),
        also: ALSO.test(before),
        possessive: POSSESSIVE.test(before),
        withGroup: WITH_GROUP.test(outside.slice(index + words.length)),
        setting: ownSetting,
        ...(body ? { body } : {}),
      });
    }
  }
  return frames.sort((a, b) => a.index - b.index);
}

/** "said on Tuesday", "told RT television on Sunday", "reported Friday": a date that dates the saying. */
export const SAYING =
  /\b(said|says|told|tells|reported|reports|added|stated|announced|tweeted|replied|wrote)\b(\s+[\p{L}'’.-]+){0,3}\s*$/iu;
export const datesSaying = (sentence: string, index: number) => SAYING.test(sentence.slice(0, index));

/** "The two countries", "both sides", "the two leaders": a pair the text has been about, named earlier. */
const PAIR =
  /\b(?:the two|both)(?: [\p{Ll}-]+)? (countries|nations|states|sides|leaders|presidents|ministers|premiers|heads of (?:state|government))\b|\bthe sides\b/iu;

/** Which kind of entity a pair phrase stands for, if the sentence has one. */
export function pairIn(outside: string): 'PLACE' | 'PERSON' | null {
  const m = PAIR.exec(outside);
  if (!m) return null;
  return /leaders|presidents|ministers|premiers|heads/i.test(m[1] ?? '') ? 'PERSON' : 'PLACE';
}

/** A verb that tells someone acted, in the past ("carried out", "has dismissed"); where it and its subject stand. */
export interface PastAct {
  index: number;
  words: string;
  subject: { index: number; text: string };
  /** The stretch of the sentence no other verb stands in, from the verb before it to the one after: its clause's dates. */
  reach: { start: number; end: number };
}

/**
 * Verbs that tell a state, a wish or a change of one ("was", "had", "became", "wanted", "began to"), or that only carry
 * another verb ("went on", "tried to"): none is an act done on a day.
 */
const LIGHT_VERBS = new Set([
  'be',
  'have',
  'become',
  'remain',
  'stay',
  'seem',
  'appear',
  'continue',
  'begin',
  'start',
  'get',
  'go',
  'come',
  'want',
  'need',
  'try',
  'know',
  'think',
  'believe',
  'see',
  'hope',
  'expect',
  'plan',
  'intend',
  'seek',
  'wish',
  'like',
  'use',
  'make',
  'take',
  'give',
  'do',
  'let',
  'help',
  'include',
  'follow',
  'serve',
  'hold',
  'lead',
  'live',
  'die',
  'bear',
]);

/**
 * The acts a sentence's narration tells in the simple past, the present perfect or the past passive ("was arrested"),
 * affirmative, with a subject of their own ("On 8 February, the three states carried out …", "the minister sacked the board on November
 * 6"), by compromise's reading of its verb phrases: a happening the lexicon has no word for is still told by its verb.
 * Saying is a claim, and light verbs tell no act.
 */
export function pastActs(outside: string): PastAct[] {
  const doc = nlp(outside);
  const verbs = doc.verbs();
  const terms = (doc.json({ offset: true }) as Array<{ terms: Array<{ tags: string[]; offset: { start: number } }> }>).flatMap(
    (sentence) => sentence.terms,
  );
  // "the three Baltic states—Lithuania, …—disconnected": a word in the present after a determiner, a number, an adjective
  // or a name is a noun whatever compromise tags it, and ends no clause; "the canal that opened" does.
  const afterModifier = (at: number) => {
    const index = terms.findIndex((t) => t.offset.start === at);
    const previous = terms[index - 1]?.tags ?? [];
    return (
      terms[index]!.tags.includes('PresentTense') &&
      previous.some((tag) => tag === 'Determiner' || tag === 'Value' || tag === 'Adjective' || tag === 'ProperNoun')
    );
  };
  const acts: PastAct[] = [];
  const all = verbs.json({ offset: true }) as Array<{
    text: string;
    offset: { start: number; length: number };
    verb: { infinitive: string; negative: boolean; grammar: { form: string; copula?: boolean } };
  }>;
  all.forEach((v, i) => {
    const { form, copula } = v.verb.grammar;
    if (copula || v.verb.negative || !/^(?:simple-past|present-perfect|passive-past)$/.test(form)) return;
    const lemma = v.verb.infinitive.split(' ')[0]!;
    if (LIGHT_VERBS.has(lemma) || SPEECH_LEMMAS.includes(lemma)) return;
    // compromise's typings omit the verb view's subjects(), which its verbs plugin adds at run time.
    const subject = (verbs.eq(i) as unknown as { subjects(): { text(): string } })
      .subjects()
      .text()
      .replace(/[,;:]+$/, '')
      .trim();
    const index = outside.lastIndexOf(subject, v.offset.start);
    if (!subject || index < 0) return;
    const previous = all
      .slice(0, i)
      .filter((w) => !afterModifier(w.offset.start))
      .at(-1);
    const reach = {
      start: previous ? previous.offset.start + previous.offset.length : 0,
      end: all.slice(i + 1).find((w) => !afterModifier(w.offset.start))?.offset.start ?? outside.length,
    };
    acts.push({ index: v.offset.start, words: v.text, subject: { index, text: subject }, reach });
  });
  return acts;
}
