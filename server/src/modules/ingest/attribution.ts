import nlp from 'compromise';

import { Attribution } from '../claims/claims.enums.js';
import { isTitleWord, type Mention, namesABody, unknownNamesIn } from './gazetteer.js';

/**
 * Who says what a sentence says, wherever the speaker stands: before the quote ("Fidan told a news conference"),
 * after it ("…," the report said), inverted (", said Bascobert"), "according to X", "quoted X as saying", or in the
 * sentence before ("the PM said:" and then the quote). Pronouns and "the minister" stand for the last fitting named
 * person, "the statement" and "the ministry" for the last organisation named; a speaker the store does not know is
 * kept as a label ("media", "a Downing Street spokesman"). Name spans come from the store's names and aliases first,
 * and from compromise's person names for people it does not know yet.
 */
export interface Speech {
  attribution: Attribution;
  speaker: Mention | null;
  label: string | null;
  /** The speaker is also named in the words it reports, as their actor ("The ICC Board has suspended …, the governing body announced"). */
  acts?: boolean;
}

/** What earlier sentences said that a later one can refer back to. */
export class Discourse {
  private lastPerson: Mention | null = null;
  /** Every person named so far, the most recently named last: whom "the foreign minister" may stand for. */
  private people: Mention[] = [];
  /** The first two people named in the last sentence that named two or more: whom "they" and "both ministers" mean. */
  private pair: Mention[] = [];
  /** The first two people the text named together, in its headline or lead: whom its "the parties" and "the meeting" mean. */
  private principals: Mention[] = [];
  /** The paragraph whose last sentence opened on a gathering ("The meeting discussed …"): what "it" there stands for. */
  private gathering: number | null = null;
  private lastOrganisation: Mention | null = null;
  /** The last person who spoke, known to the store or only by name ("AK Abdul Momen"): whom "he said" continues. */
  private lastSpeaker: Speech | null = null;
  /** The paragraph count at the last person's speech, and the paragraphs read so far. */
  private lastSpeakerParagraph = -1;
  private paragraphs = 0;
  /** Names of several words the text gave to people the store does not know, for a surname alone later ("Momen said"). */
  private readonly fullNames: string[] = [];
  /** The title before each of those names, as the text gave it ("Governor", "Vanuatu’s Prime Minister"). */
  private readonly titlesOfNew = new Map<string, string>();
  /** The last speech by no person (an organisation, "the Foreign Ministry"): what "it said" and "the statement said" continue. */
  private lastInstitution: Speech | null = null;
  /** The speaker of the previous sentence's quote, and its block: a quote standing alone after it continues it. */
  private previous: { block: number; speech: Speech } | null = null;
  /** A speaker announced by a sentence ending in a colon, for the quote that follows. */
  private announced: Speech | null = null;
  /** The person the previous sentence of the same paragraph was about, its subject: whom a "he said" after it means. */
  private topic: { block: number; person: Mention } | null = null;
  /** The person the last sentence that opened on a person was about: sentences about things between do not change it. */
  private subject: Mention | null = null;
  /** A transcript's speaker, named before a colon at the head of a paragraph ("ANTHONY ALBANESE:"), for all of it. */
  private turn: { block: number; speech: Speech } | null = null;
  /** The person the previous sentence told of as its main clause's subject ("…, Pandor outlined the issues"), if it quoted no one. */
  private actor: Speech | null = null;
  /** The paragraph of the sentence being read. */
  private block = -1;
  /** The first organisation the sentence being read names outside its quotes, for "the governing body announced" in it. */
  private sentenceBody: Mention | null = null;
  /**
   * Every body named so far, known or new, with the acronym the text gave it in brackets ("Monetary Policy Committee
   * (MPC)"), the most recently named last: what "the committee" and "the MPC" stand for.
   */
  private readonly bodies: Array<{ name: string; acronym: string | null; mention: Mention | null }> = [];

  /** `titlesOf`: the titles the text gave a person so far ("President"), so that a role names only its holder. */
  constructor(private readonly titlesOf: (entityId: string) => string[] = () => []) {}

  /** The person last named before the sentence now read. */
  get lastNamedPerson(): Mention | null {
    return this.lastPerson;
  }

  /**
   * Whom a "He" opening the sentence now read stands for: the person the sentence before was about, its subject ("He
   * was received by President Murmu and Prime Minister Modi. He is also scheduled to meet …" is the visitor again),
   * else the person last named.
   */
  get lastSubjectPerson(): Mention | null {
    return this.subject ?? this.lastPerson;
  }

  /** Names the store does not know, as the sentence about to be read gives them; a body's ("Foreign Ministry") speaks as an institution. */
  learnNames(names: Array<{ name: string; index: number }>, sentence: string): void {
    for (const found of names) {
      // "Recently Portugal": an adverb capitalised at the sentence's start opens no name.
      const name = withoutTitle(withoutTimeWords(found.name));
      if (namesABody(name)) this.learnBody(name, sentence.slice(found.index + found.name.length), null);
      if (name.split(/\s+/).length <= 1 || namesABody(name)) continue;
      if (!this.fullNames.includes(name)) this.fullNames.push(name);
      // "State Bank of Pakistan Governor Jameel Ahmed": the office a new person was named with, for "the governor" later.
      const before = /(?:\p{Lu}[\p{L}’'-]*\s+){1,3}$/u.exec(sentence.slice(0, found.index))?.[0] ?? '';
      const title = `${before}${found.name.slice(0, found.name.length - name.length)}`.trim();
      if (title.length > 0) this.titlesOfNew.set(name, title);
    }
  }

  attribute(sentence: string, block: number, mentions: Mention[]): Speech {
    const speech = this.withFullName(this.read(sentence, block, mentions));
    const outside = maskQuotes(sentence);
    const people: Mention[] = [];
    for (const mention of mentions) {
      if (outside[mention.index] === ' ') continue;
      if (mention.entity.kind === 'PERSON') {
        this.lastPerson = mention;
        this.people = [...this.people.filter((p) => p.entity.id !== mention.entity.id), mention];
        if (!people.some((p) => p.entity.id === mention.entity.id)) people.push(mention);
      }
      if (mention.entity.kind === 'ORGANIZATION') {
        this.lastOrganisation = mention;
        this.learnBody(mention.surface, sentence.slice(mention.index + mention.surface.length), mention);
      }
    }
    if (people.length > 1) this.pair = people.slice(0, 2);
    if (people.length > 1 && this.principals.length === 0) this.principals = people.slice(0, 2);
    this.gathering = GATHERING.test(outside) ? block : null;
    const named = speech.label !== null && (isPersonName(speech.label) || this.fullNames.includes(speech.label));
    if (speech.speaker?.entity.kind === 'PERSON' || named) {
      this.lastSpeaker = speech;
      this.lastSpeakerParagraph = this.paragraphs;
    } else if (speech.speaker || speech.label) this.lastInstitution = speech;
    this.announced =
      /:\s*$/.test(sentence) && speech.attribution !== Attribution.AUTHOR_ASSERTION
        ? { ...speech, attribution: Attribution.DIRECT_QUOTE }
        : null;
    // "Hamisu told newsmen that …" and then a paragraph of quote: the quote is the same speaker's words.
    this.previous =
      speech.attribution === Attribution.DIRECT_QUOTE ||
      (speech.attribution === Attribution.REPORTED_SPEECH && (speech.speaker || speech.label))
        ? { block, speech: { ...speech, attribution: Attribution.DIRECT_QUOTE } }
        : null;
    this.actor = speech.attribution === Attribution.AUTHOR_ASSERTION && outside === sentence ? this.actorOf(outside, mentions) : null;
    const subject = mentions.find((m) => m.entity.kind === 'PERSON' && outside[m.index] !== ' ');
    const opening = outside.search(/\S/);
    if (subject && subject.index === opening) this.subject = subject;
    this.topic =
      speech.attribution === Attribution.AUTHOR_ASSERTION && subject && subject.index === outside.search(/\S/)
        ? { block, person: subject }
        : null;
    return speech;
  }

  private learnBody(name: string, after: string, mention: Mention | null): void {
    const acronym = /^\s*\((\p{Lu}{2,8})\)/u.exec(after)?.[1] ?? null;
    this.bodies.push({ name, acronym, mention });
  }

  /**
   * "The committee announced" after "the independent Ethics Committee", "the MPC" after "Monetary Policy Committee (MPC)":
   * a definite description headed by the last word of a body's name the text gave, or the acronym it gave in brackets,
   * is the last body so named.
   */
  private bodyDescribed(words: string): { name: string; mention: Mention | null } | null {
    const acronym = /^the (\p{Lu}{2,8})$/u.exec(words)?.[1];
    const head = /^the\s+(?:[\p{Ll}-]+\s+){0,2}(\p{Ll}+)$/iu.exec(words)?.[1]?.toLowerCase();
    if (!acronym && !head) return null;
    return (
      [...this.bodies]
        .reverse()
        .find((body) => (acronym ? body.acronym === acronym : body.name.split(/\s+/).at(-1)!.toLowerCase() === head)) ??
      // "The court said" after "the International Court of Justice", "the ministry" after "Ministry of Foreign Affairs":
      // else the last body whose name's head stands before its "of".
      (head ? ([...this.bodies].reverse().find((body) => /(\p{L}+) of\s/u.exec(body.name)?.[1]?.toLowerCase() === head) ?? null) : null)
    );
  }

  /** The person a sentence's main clause has for subject, known or named: "Speaking to the SABC …, Pandor outlined …" is Pandor. */
  private actorOf(outside: string, mentions: Mention[]): Speech | null {
    const subject = mainSubject(outside);
    if (!subject) return null;
    const person = mentions.find(
      (m) => m.entity.kind === 'PERSON' && m.index >= subject.start && m.index < subject.start + subject.text.length,
    );
    if (person) return { attribution: Attribution.DIRECT_QUOTE, speaker: person, label: null };
    const named = lastPersonNamedIn(subject.text);
    if (named) return this.withFullName({ attribution: Attribution.DIRECT_QUOTE, speaker: null, label: named });
    // "Pandor", a surname compromise does not know, of a person the text named in full before.
    const surname = this.withFullName({ attribution: Attribution.DIRECT_QUOTE, speaker: null, label: subject.text.trim() });
    return surname.label !== subject.text.trim() ? surname : null;
  }

  /**
   * "Momen said", "Wang said", "Angel Enrique said": a name cut short is the person the text named in full before
   * ("Foreign Minister AK Abdul Momen", "Wang Yi", "Angel Enrique Sarmiento"), the last one whose name begins or ends
   * with its words.
   */
  private withFullName(speech: Speech): Speech {
    const label = speech.label;
    if (!label || !/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*$/u.test(label)) return speech;
    const given = label.split(' ');
    // "Commodore Teleni" after "Commodore Esala Teleni": a word kept before the surname in both is a title compromise
    // does not know as one, since a name is not cut short by its middle; the person is the full name without it.
    const titled = [...this.fullNames].reverse().find((name) => {
      const words = name.split(/\s+/);
      return given.length === 2 && words.length > 2 && words[0] === given[0] && words.at(-1) === given[1];
    });
    if (titled) {
      const name = titled.slice(titled.indexOf(' ') + 1);
      this.fullNames.splice(this.fullNames.indexOf(titled), 1, name);
      return { ...speech, label: name };
    }
    // "Commodore Vainu" after "Commodore Esala Vainu", named Esala Vainu: a title and a surname are the last person so named.
    const surnamed =
      given.length === 2 &&
      isTitleWord(given[0]!) &&
      [...this.fullNames].reverse().find((name) => name.split(/\s+/).length >= 2 && name.split(/\s+/).at(-1) === given[1]);
    if (surnamed) return { ...speech, label: surnamed };
    const full = [...this.fullNames].reverse().find((name) => {
      const words = name.split(/\s+/);
      if (words.length <= given.length) return false;
      return given.every((word, i) => words[i] === word) || given.every((word, i) => words[words.length - given.length + i] === word);
    });
    return full ? { ...speech, label: full } : speech;
  }

  private read(sentence: string, block: number, mentions: Mention[]): Speech {
    if (block !== this.block) this.paragraphs += 1;
    this.block = block;
    const turn = TURN.exec(sentence);
    // "DUBAI: The agreement came …": a place in capitals before a colon is a dateline, not a speaker's turn.
    if (turn && !isPlaceName(titleCase(turn[1]!.trim()))) {
      const speaker = turn[1]!.trim();
      const speech: Speech = ROLE_IN_TRANSCRIPT.test(speaker)
        ? { attribution: Attribution.AUTHOR_ASSERTION, speaker: null, label: null }
        : { attribution: Attribution.DIRECT_QUOTE, speaker: null, label: titleCase(speaker) };
      this.turn = { block, speech };
      return speech;
    }
    // A named speaker's turn is all theirs; a correspondent's goes on to report others' words.
    if (this.turn?.block === block && this.turn.speech.attribution !== Attribution.AUTHOR_ASSERTION) return this.turn.speech;
    const outside = maskQuotes(sentence);
    const quoted = outside !== sentence;
    const spoken = (speaker: Mention | null, label: string | null): Speech => ({
      attribution: quoted ? Attribution.DIRECT_QUOTE : Attribution.REPORTED_SPEECH,
      speaker,
      label: speaker ? null : label,
    });
    const candidates = mentions.filter((m) => outside[m.index] !== ' ' && m.entity.kind !== 'PLACE' && !isModifier(sentence, m));
    this.sentenceBody = candidates.find((m) => m.entity.kind === 'ORGANIZATION') ?? null;
    const within = (from: number, to: number) => candidates.filter((m) => m.index >= from && m.index < to);

    const according = /\baccording to ([^,;:]{2,120})/i.exec(outside);
    // "According to X" reports X's words even when a few of them are quoted, as curators record it.
    const reported = (speaker: Mention | null, label: string | null): Speech => ({
      ...spoken(speaker, label),
      attribution: Attribution.REPORTED_SPEECH,
    });
    if (according && according.index === 0) return this.source(according, within, reported);
    const quotedAs = /\bquoted (.{2,80}?) as saying\b/i.exec(outside);
    if (quotedAs) return this.phrase(quotedAs[1]!, within(quotedAs.index, quotedAs.index + quotedAs[0].length), spoken);

    // "Bucharest has also pledged …, it said": the saying that closes the sentence is its speaker's, and the verbs
    // before it are the reported words.
    const verbs = speechVerbs(outside);
    // "…, the ministry said on its website, marking a sharp increase": a participle closing the sentence is no clause of
    // the reported words.
    const lastComma = outside.replace(/,\s+\p{Ll}+ing\b[^,]*$/u, '').lastIndexOf(',');
    const closing = verbs.length > 1 && verbs.at(-1)!.index! > lastComma && verbs[0]!.index! < lastComma ? verbs.at(-1)! : undefined;
    // Unless a person said the first: "Peskov said …, Russian state agencies reported" is Peskov's.
    const firstSubject = closing && subjectBefore(outside, verbs[0]!.index!);
    const firstSpeech = firstSubject ? this.phrase(firstSubject.text, within(firstSubject.start, verbs[0]!.index!), spoken) : null;
    const byPerson =
      firstSpeech && (firstSpeech.speaker?.entity.kind === 'PERSON' || (firstSpeech.label !== null && isPersonName(firstSpeech.label)));
    const verb = closing && !byPerson ? closing : verbs[0];
    if (verb) {
      const after = verb.index! + verb[0].length;
      // "…, reports Akorda": after a comma only a verb that takes no addressee inverts ("…, told AFP" names the listener).
      const afterComma = INVERTS.test(verb[0]) && !ADDRESSED.test(verb[0]) && /,\s*$/.test(outside.slice(0, verb.index));
      const inverted = afterComma ? candidates.find((m) => m.index === after + 1) : undefined;
      if (inverted) return spoken(inverted, null);
      // "“…,” declared Lula", "“…” together, said the leader": any verb of saying right after a quote is inverted.
      const afterQuote = /(?:["”]|’’|'')(?:(?:\s+\p{Ll}+){1,2},|,)?\s*$/u.test(sentence.slice(0, verb.index));
      // "…," said Otiende Amollo, an opposition MP; "…," said a statement by the office of the president.
      // "…," said FWRM Executive Director, Virisila Buadromo: an office set before its holder's name and a comma is the
      // holder's.
      const apposed = afterQuote ? OFFICE_THEN_NAME.exec(outside.slice(after)) : null;
      const named =
        apposed && isOffice(apposed[1]!)
          ? apposed[2]
          : (afterQuote
              ? /^\s+([^,;]+?)\s*(?:[,;]|[.!?]?["”’)]?\s*$)/.exec(outside.slice(after))
              : afterComma
                ? (/^\s+(\p{Lu}[^,;]*?)\s*[.!?]?\s*$/u.exec(outside.slice(after)) ?? describedAfter(outside.slice(after)))
                : null)?.[1];
      if (named) {
        const issuer = ISSUED_BY.exec(named);
        // "said the leftist leader during a press conference": when and where it was said is no part of the speaker.
        const words = (issuer ? issuer[1]! : named).replace(OCCASION, '');
        const from = after + outside.slice(after).indexOf(words);
        const found = this.phrase(words, within(from, from + words.length), spoken);
        if (found.speaker || found.label) return found;
      }
      // "Frances Fitzgerald is a Fine Gael MEP and says …": a verb joined by "and" shares its clause's subject.
      const joined = subjectBefore(outside, verb.index!);
      // "He referenced the Initiative …, as a precedent, but said …": a verb right after "and" or "but" has no subject of its
      // own either, whatever stands in the clause before.
      const coordinated = /(?:^|[\s,;])(?:and|but)(?:\s+also)?\s+$/i.test(outside.slice(0, verb.index));
      const shared = joined && (/\band$/i.test(joined.text) || coordinated) ? mainSubject(outside.slice(0, verb.index)) : null;
      const subject = shared ?? joined;
      if (subject) {
        const found = this.phrase(subject.text, within(subject.start, subject.start + subject.text.length), spoken);
        if (found.speaker || found.label) return found;
      }
    }
    if (according) return this.source(according, within, reported);
    // "ECOWAS also activated its standby force, saying …", "Lungu had refused to concede, claiming …": whoever did what
    // the main clause says is the speaker of the gerund of saying that follows it.
    const saying = [...outside.matchAll(/,\s+(\p{Ll}+ing)\b/gu)].find((m) => SPEECH_GERUNDS.has(m[1]!));
    if (saying) {
      const subject = mainSubject(outside.slice(0, saying.index));
      if (subject) {
        const found = this.phrase(subject.text, within(subject.start, subject.start + subject.text.length), spoken);
        if (found.speaker || found.label) return found;
      }
    }
    // "…, with Tkatchenko commending Fiji for …": the person of an absolute clause of saying is its speaker.
    const absolute = WITH_SAYING.exec(outside);
    if (absolute && SPEECH_GERUNDS.has(absolute[2]!.toLowerCase())) {
      const from = absolute.index + absolute[0].indexOf(absolute[1]!);
      const found = this.phrase(absolute[1]!, within(from, from + absolute[1]!.length), spoken);
      if (found.speaker || found.label) return found;
    }
    // "Shavkat Mirziyoyev, President of Uzbekistan: “…”", "Antony Anderson, Commissioner of Police, outlined the situation:
    // “…”": a quote a colon opens, with no verb of saying to name another, is the words of the person the sentence opens on.
    const introduced = quoted && !verb ? /^\s*([^,:]+?)\s*(?:,[^:]*)?:\s*$/.exec(outside.slice(0, sentence.search(/[“"]|‘‘|''/))) : null;
    if (introduced) {
      const opener = candidates.find((m) => m.index === introduced.index + introduced[0].indexOf(introduced[1]!));
      const named = opener ? null : lastPersonNamedIn(introduced[1]!);
      if (opener?.entity.kind === 'PERSON' || (named && /^(?:\p{Lu}[\p{L}.'’-]*\s*)+$/u.test(introduced[1]!)))
        return this.withFullName(spoken(opener ?? null, named));
    }
    if (/^\s*(?:[“"]|‘‘|'')/.test(sentence) && quoted) {
      if (this.announced) return this.announced;
      if (this.previous && this.previous.block === block && !verb) return this.previous.speech;
      // A paragraph that is nothing but a quote goes on with the speaker of the quote read just before it.
      if (this.previous && !verb && /^[\s.!?,;:)]*$/.test(outside)) return this.previous.speech;
      // "Pandor outlined the issues …" and then a paragraph of quote: the quote is the words of the person just told of.
      if (this.actor && !verb && /^[\s.!?,;:)]*$/.test(outside)) return this.actor;
    }
    if (quoted && /^(He|She|They)\b/.test(sentence) && this.lastSpeaker) return spoken(this.lastSpeaker.speaker, this.lastSpeaker.label);
    // Quoted words that make a clause are never the reporter's: with no verb of saying to name their speaker ("Likewise,
    // X's government “depends a lot on Brazil,”", a paragraph of quote after the text moved on), they are the last
    // speaker's, else the last person's named.
    if (quoted && !verb && isClause(quotedWords(sentence, outside))) {
      if (this.lastSpeaker) return spoken(this.lastSpeaker.speaker, this.lastSpeaker.label);
      if (this.lastPerson) return spoken(this.lastPerson, null);
    }
    return { attribution: Attribution.AUTHOR_ASSERTION, speaker: null, label: null };
  }

  /** The full name of a person new to the store that the words end with, as the text gave it. */
  private fullNameClosing(words: string): string | null {
    const trimmed = words.trim();
    return [...this.fullNames].reverse().find((name) => trimmed === name || trimmed.endsWith(` ${name}`)) ?? null;
  }

  /** The speaker a phrase names: a known entity in it, a pronoun or a role for someone named earlier, or the phrase itself. */
  private phrase(text: string, mentions: Mention[], spoken: (speaker: Mention | null, label: string | null) => Speech): Speech {
    // "Sri Lankan officials had said earlier": the auxiliary before the verb is no word of the speaker's.
    // "Several officials had earlier said": the adverb and then the auxiliary before it.
    const words = withoutTrailingAuxiliary(
      withoutTimeWords(
        withoutTrailingAdverbs(
          withoutTrailingAuxiliary(
            text
              .trim()
              .replace(/^(however|but|and|meanwhile|later|also),?\s+/i, '')
              .replace(/[.!?]+$/, '')
              // "The Eastern Company (NYSE Amex-EML) today announced": a ticker or short form in brackets is no speaker.
              .replace(/\s*\((?:[^()]*:[^()]*|(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|AMEX|OTC)\b[^()]*)\)(?=(?:\s+\p{Ll}+)?$)/u, ''),
          ),
        ),
      ),
    );
    // "earlier than expected", "up and told them": words with no noun or pronoun in them name no speaker.
    if (words.length > 0 && namesNoOne(words)) return { attribution: Attribution.AUTHOR_ASSERTION, speaker: null, label: null };
    // "Sri Lankan officials had said": people a place's adjective describes are a label, not the state.
    if (mentions.length > 0 && GROUP.test(words) && mentions.at(-1)!.surface !== mentions.at(-1)!.entity.name) return spoken(null, words);
    if (mentions.length > 0) {
      // "Fine Gael MEP Frances Fitzgerald", "Kremlin spokesman Dmitry Peskov": a person the store does not know yet,
      // named after the body they speak for, is the speaker.
      const last = mentions.at(-1)!;
      // "Chairman Abi Mwachi of KMPDU affirmed": a person the store does not know, named before "of" and the body they
      // belong to, is the speaker, and the name they are given in full.
      const member = /^(.+?)\s+of\s+(?:the\s+)?$/.exec(words.slice(0, words.lastIndexOf(last.surface)))?.[1];
      const memberName = member && mentions.length === 1 && last.entity.kind === 'ORGANIZATION' ? lastPersonNamedIn(member) : null;
      if (memberName && memberName.includes(' ')) {
        if (!this.fullNames.includes(memberName)) this.fullNames.push(memberName);
        return spoken(null, memberName);
      }
      const tail = words.slice(words.lastIndexOf(last.surface) + last.surface.length);
      // compromise knows the person by their first name ("Marcelo Ebrard", not "Ildefonso Guajardo"): a full name the
      // text gave that closes the words is a person too.
      const person =
        words.includes(last.surface) && last.entity.kind !== 'PERSON' ? (lastPersonNamedIn(tail) ?? this.fullNameClosing(tail)) : null;
      if (person && /^\s*(?:\p{L}+\s+){0,3}\p{Lu}/u.test(tail)) return spoken(null, person);
      // "The SBP governor said": a body before a title the text gave a person qualifies that office; its holder speaks.
      const holder = last.entity.kind !== 'PERSON' && /^the\s/i.test(words) ? this.titledHolder(`the ${tail.trim()}`) : null;
      return holder ? spoken(holder.speaker, holder.label) : spoken(last, null);
    }
    // "Both ministers", "the two leaders", "they" after two people met, "it" after "the meeting …": a joint saying is either
    // one's; the last named of the two who were named together stands for it, else the first of them.
    const joint =
      PAIR.test(words) || (PRONOUN_PLURAL.test(words) && this.pair.length === 2) || (/^it$/i.test(words) && this.gathering === this.block);
    if (joint && this.lastPerson) return spoken(this.pairSpeaker(this.pair), null);
    // "The parties emphasized", "The meeting also revealed": a description of those who met, with no name of its own, is
    // the story's principals, the first two people the text named together, not whoever was named in pairs since
    // (mediators, hosts).
    if (this.principals.length === 2 && (GATHERING.test(words) || isDefinitePlural(words)))
      return spoken(this.pairSpeaker(this.principals), null);
    // "Nyusi welcomed the deal. "…," he said": the person the paragraph's previous sentence was about, else the last speaker.
    const topic = this.topic?.block === this.block ? this.topic.person : null;
    // "The interim Minister …, Bernadette Rounds-Ganilau, is still hopeful. "…," she said": with nobody the store knows
    // named yet, the last person named whom it does not know.
    const newPerson = [...this.fullNames].reverse().find((name) => this.titlesOfNew.has(name) || isPersonName(name));
    const referent: Speech | null = topic
      ? spoken(topic, null)
      : (this.lastSpeaker ?? (this.lastPerson ? spoken(this.lastPerson, null) : newPerson ? spoken(null, newPerson) : null));
    if (PRONOUN.test(words)) {
      const agreeing = referent && this.agreeing(words, referent);
      return agreeing ? spoken(agreeing.speaker, agreeing.label) : spoken(null, null);
    }
    if (/^(he|she|they)\b/i.test(words) && referent) {
      const agreeing = this.agreeing(words.split(/\s/)[0]!, referent);
      return spoken(agreeing.speaker, agreeing.label);
    }
    const body = this.bodyDescribed(words);
    if (body) return spoken(body.mention, body.mention ? null : body.name);
    // "It said", "the statement said": the institution that spoke last, else the organisation last named.
    const institution = this.lastInstitution ?? (this.lastOrganisation && spoken(this.lastOrganisation, null));
    if ((/^it$/i.test(words) || ISSUER.test(words)) && institution) return spoken(institution.speaker, institution.label);
    // "The ICC Board has suspended …, the governing body announced", "Canada Post workers gave notice, as the Crown
    // corporation warned": the body the sentence itself named first, else the organisation last named.
    if (COLLECTIVE.test(words) && this.sentenceBody) return { ...spoken(this.sentenceBody, null), acts: true };
    if (COLLECTIVE.test(words) && this.lastOrganisation) return spoken(this.lastOrganisation, null);
    if (HONORIFIC.test(words) && this.lastPerson) return spoken(this.lastPerson, null);
    const role = ROLE.exec(words);
    // "The Prime Minister said" after "President Barack Obama": an office the last person was never titled with is not
    // theirs but the last person's the text titled so ("The foreign minister" after "Minister of Foreign Affairs Prince
    // Faisal" and a crown prince); "the leader", "the envoy" describe anyone.
    const titles = this.lastPerson ? this.titlesOf(this.lastPerson.entity.id) : [];
    const office = role && /^(minister|president|chancellor|secretary)$/i.test(role[2]!) ? role[2]!.toLowerCase() : null;
    // "said the leftist leader" in the paragraph after Lula spoke of Fernández: a description no office narrows goes on
    // with the person speaking, when they spoke in this paragraph or the one before.
    // A speaker new to the store goes on too: "…," the leader said, after Michelle Bullock spoke.
    const speaking = this.lastSpeaker && this.lastSpeakerParagraph >= this.paragraphs - 1 ? this.lastSpeaker : null;
    if (role && !office && speaking) return spoken(speaking.speaker, speaking.label);
    const newHolder = this.titledHolder(words);
    if (newHolder && !newHolder.speaker) return spoken(null, newHolder.label);
    if (role && this.lastPerson && (!office || titles.length === 0 || titles.some((t) => t.toLowerCase().includes(office))))
      return spoken(this.lastPerson, null);
    const holder =
      office && [...this.people].reverse().find((p) => this.titlesOf(p.entity.id).some((t) => t.toLowerCase().includes(office)));
    if (holder) return spoken(holder, null);
    // "the CJI" for "CJI Chandrachud": a title written before a person's name, in the text or the store, stands for them.
    const abbreviated = /^the (\p{Lu}{2,6})$/u.exec(words);
    const bearer =
      abbreviated &&
      [...this.people].reverse().find((p) => [p.surface, ...p.entity.aliases].some((name) => name.startsWith(`${abbreviated[1]} `)));
    if (bearer) return spoken(bearer, null);
    // "Sri Lankan officials": a group described by a place is a label, whatever compromise makes of the place's words.
    if (GROUP.test(words)) return spoken(null, words);
    // "Knut Helge Hurum of the Fend law firm": a name of a person compromise does not know, set before "of" and what they
    // belong to, is the speaker, and the full name a surname alone later stands for, in place of the name learned with
    // the body's first word ("Knut Helge Hurum of the Fend").
    const member = MEMBER_OF.exec(words)?.[1];
    if (member && isUnknownPersonName(member)) {
      const learned = this.fullNames.filter((name) => name !== member && !name.startsWith(`${member} of `));
      this.fullNames.splice(0, this.fullNames.length, ...learned, member);
      return spoken(null, member);
    }
    const person = lastPersonNamedIn(words);
    if (person) return spoken(null, person);
    // "Foreign Secretary S Jaishankar": a name compromise does not know, after its title.
    const titled = unknownNamesIn(words, []).at(-1);
    if (titled && titled.index > 0 && /^\p{Lu}/u.test(words)) return spoken(null, bodyName(titled.name));
    // "the President's press secretary Md. Joynal Abedin": a description closed by a full name is that person.
    if (titled && titled.index + titled.name.length === words.length && titled.name.includes(' '))
      return spoken(null, bodyName(titled.name));
    if (words.length > 0 && words.split(/\s+/).length <= 6) {
      const named = bodyName(words);
      return spoken(null, /^\p{Lu}/u.test(named) ? withoutTitle(named) : named);
    }
    return { attribution: Attribution.AUTHOR_ASSERTION, speaker: null, label: null };
  }

  /**
   * "The governor" after "State Bank of Pakistan Governor Jameel Ahmed": a description headed by the last word of a title
   * the text gave a person it did not know, when the last person named was not titled so. The offices are the text's own.
   */
  private titledHolder(words: string): Speech | null {
    const head = /^the\s+(?:[\p{L}'’-]+\s+){0,2}?(\p{L}+)$/iu.exec(words)?.[1]?.toLowerCase();
    if (!head) return null;
    const titledSo = (title: string) => title.toLowerCase().split(/\s+/).at(-1) === head;
    if (this.lastPerson && this.titlesOf(this.lastPerson.entity.id).some(titledSo)) return null;
    const name = [...this.fullNames].reverse().find((full) => titledSo(this.titlesOfNew.get(full) ?? ''));
    return name ? { attribution: Attribution.REPORTED_SPEECH, speaker: null, label: name } : null;
  }

  /**
   * "“…,” she said" after Winston Peters spoke: "he" and "she" stand for no one whose first name compromise knows as the
   * other sex's; then for the last person named who agrees, else for the referent found.
   */
  private agreeing(pronoun: string, referent: Speech): Speech {
    const sex = /^she$/i.test(pronoun) ? 'female' : /^he$/i.test(pronoun) ? 'male' : null;
    const clashes = (name: string | undefined | null) =>
      sex !== null && name != null && sexOf(name) === (sex === 'male' ? 'female' : 'male');
    if (!clashes(referent.speaker?.entity.name ?? referent.label)) return referent;
    const other = [...this.people].reverse().find((p) => !clashes(p.entity.name));
    return other ? { ...referent, speaker: other, label: null } : referent;
  }

  /** Who speaks for a pair: the last person named, if one of the two named together, else the first of them. */
  private pairSpeaker(pair: Mention[]): Mention {
    const lastPerson = this.lastPerson!;
    if (pair.length < 2 || pair.some((p) => p.entity.id === lastPerson.entity.id)) return lastPerson;
    return pair[0]!;
  }

  /**
   * "According to a statement from the G7 leaders released by the White House …": a name in the phrase's head
   * speaks, else the agent of "issued by", else the head itself; what follows the head's verb ("released after a
   * summit in Ghana's capital") names no speaker.
   */
  private source(
    according: RegExpExecArray,
    within: (from: number, to: number) => Mention[],
    spoken: (speaker: Mention | null, label: string | null) => Speech,
  ): Speech {
    const text = according[1]!;
    const at = according.index + according[0].length - text.length;
    const cut = headEnd(text);
    const named = within(at, at + cut);
    // "figures released last week by the INDEC": the agent may stand a few words after the verb.
    const agent = named.length === 0 ? /^\s*\S+(?:\s+\S+){0,3}?\s+by\b/.exec(text.slice(cut)) : null;
    const agents = agent ? within(at + cut + agent[0].length, at + text.length) : [];
    return agents.length > 0 ? spoken(agents[0]!, null) : this.phrase(text.slice(0, cut), named, spoken);
  }
}

/** Where a noun phrase's head ends: at its first verb ("a statement issued by …") or relative word, else its end. */
function headEnd(text: string): number {
  const terms = nlp(text).json({ offset: true })[0]?.terms as
    Array<{ text: string; tags: string[]; offset: { start: number } }> | undefined;
  const verb = terms?.find((t, i) => i > 0 && (t.tags.includes('Verb') || /^(who|which|that|while|after|when)$/i.test(t.text)));
  return verb ? verb.offset.start : text.length;
}

/**
 * Whether some words hold neither a noun nor a capitalised word that might be a name compromise does not know (it reads
 * "Zelensky" alone as an adjective): "earlier than", "has", "The". They are read as the subject of a saying, since alone
 * compromise takes "police" and "staff" for verbs.
 */
function namesNoOne(words: string): boolean {
  const terms = (nlp(`${words} said`).json()[0]?.terms as Array<{ text: string; tags: string[] }> | undefined)?.slice(0, -1);
  return (terms ?? []).every(
    (t) =>
      !t.tags.includes('Noun') &&
      (!/^\p{Lu}/u.test(t.text) || t.tags.some((tag) => tag === 'Determiner' || tag === 'Preposition' || tag === 'Conjunction')),
  );
}

/**
 * "Peru's Geophysical Institute (IGP)", "Russia’s Ministry of Energy": the state a body belongs to and the acronym the text
 * gives it are no part of its name, as "the Uzbek press today" holds no time; a possessor that is no place ("President's
 * Media Division") is.
 */
function bodyName(words: string): string {
  const name = words.replace(/\s*\(\p{Lu}{2,8}\)$/u, '');
  const owner = /^(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)['’]s\s+(?=\p{Lu})/u.exec(name);
  return owner && nlp(owner[1]!).has('^#Place+$') ? name.slice(owner[0].length) : name;
}

/** The last person compromise names in some words, without their title: "Foreign Secretary S Jaishankar" is S Jaishankar. */
function lastPersonNamedIn(words: string): string | null {
  const people = nlp(words).people().out('array') as string[];
  return people.length > 0 ? withoutTitle(people.at(-1)!.replace(/[,;:]$/, '')) : null;
}

/** "Several officials had earlier": adverbs of time compromise reads as comparatives. */
const withoutTimeAdverb = (words: string) => words.replace(/\s+(?:earlier|later|previously|recently|already)$/i, '');

/**
 * "Recently Rwanda", "The Uzbek press today", "The ministry on Monday": when the speaker spoke is no part of the speaker.
 * An opening adverb and a closing date (with its preposition or "last", "this") go, by compromise's tags, so that a
 * weekday or a month is read as one wherever it stands; a date inside a name ("Sunday Times") is no closing date.
 */
function withoutTimeWords(text: string): string {
  const words = withoutTimeAdverb(text);
  const terms = nlp(words).json({ offset: true })[0]?.terms as Array<{ tags: string[]; offset: { start: number } }> | undefined;
  if (!terms || terms.length < 2) return words;
  let start = 0;
  while (start < terms.length - 1 && terms[start]!.tags.includes('Adverb')) start += 1;
  let end = terms.length;
  const isDate = (tags: string[]) => tags.includes('Date') && !tags.includes('Person') && !tags.includes('Organization');
  while (end - 1 > start && isDate(terms[end - 1]!.tags)) end -= 1;
  if (end < terms.length) {
    while (
      end - 1 > start &&
      /Preposition|Determiner|Adjective/.test(terms[end - 1]!.tags.join(' ')) &&
      !terms[end - 1]!.tags.includes('ProperNoun')
    )
      end -= 1;
  }
  const from = start > 0 ? terms[start]!.offset.start : 0;
  return (end < terms.length ? words.slice(from, terms[end]!.offset.start) : words.slice(from)).trim();
}

const withoutTrailingAuxiliary = (words: string) =>
  words.replace(/\s+(?:had|has|have|was|were|is|are|would|will|could|may|might|did|does|do)$/i, '');

/** "The military leadership now": a speaker's words end at its noun, not at the adverb before the verb. */
function withoutTrailingAdverbs(words: string): string {
  const terms = nlp(words).json({ offset: true })[0]?.terms as Array<{ tags: string[]; offset: { start: number } }> | undefined;
  let end = terms?.length ?? 0;
  while (end > 1 && terms![end - 1]!.tags.includes('Adverb')) end -= 1;
  return terms && end < terms.length ? words.slice(0, terms[end]!.offset.start).trim() : words;
}

/** The words a sentence quotes, its narration blanked out. */
const quotedWords = (sentence: string, outside: string) =>
  sentence
    .replace(/[\s\S]/g, (c: string, at: number) => (outside[at] === ' ' ? c : ' '))
    .replace(/[“”"]/g, ' ')
    .trim();

/** Whether quoted words make a clause, not a term set in quotes ("dubbed the “Election Petition”"): a verb and four words. */
const isClause = (words: string) => words.split(/\s+/).length >= 4 && nlp(words).has('#Verb');

const sexes = new Map<string, 'female' | 'male' | null>();
/**
 * The sex compromise's lists of first names give a person's first given name ("Kamala Harris" female), if any: only the
 * first, since a later one may be a family name that is also a first name ("Luiz Inácio Lula da Silva").
 */
function sexOf(name: string): 'female' | 'male' | null {
  if (!sexes.has(name)) {
    const terms = nlp(name).json()[0]?.terms as Array<{ tags: string[] }> | undefined;
    const first = terms?.find((term) => term.tags.includes('FirstName'))?.tags ?? [];
    sexes.set(name, first.includes('FemaleName') ? 'female' : first.includes('MaleName') ? 'male' : null);
  }
  return sexes.get(name)!;
}

/** Whether a speaker's label is a person's name, so that "it said" does not continue it. */
const isPersonName = (label: string) => nlp(label).has('^#Person+$');

/**
 * The subject of a clause's first finite verb, stepping over an opening adverbial ("After the talks, President Phuc
 * thanked …"): the words before that verb from the last clause break.
 */
function mainSubject(clause: string): { text: string; start: number } | null {
  const terms = nlp(clause).json({ offset: true })[0]?.terms as
    Array<{ text: string; tags: string[]; offset: { start: number } }> | undefined;
  for (const term of terms ?? []) {
    if (!term.tags.includes('Verb') || term.tags.includes('Gerund') || term.tags.includes('Participle')) continue;
    const subject = subjectBefore(clause, term.offset.start);
    if (subject && !/^(after|before|when|while|as|since|if|although|following|during|in|on|at)\b/i.test(subject.text)) return subject;
  }
  return null;
}

/**
 * Verbs of saying by their lemma, after FrameNet's frames of communication (Statement, Telling, Request,
 * Judgment_communication, Commitment, Warning, Response, Reveal_secret, Expressing_publicly): "affirmed", "expresses"
 * and "voiced" come from the lemma, not from a list of forms. Left out are lemmas whose ordinary sense is an act
 * rather than a saying ("maintain ties", "welcome a guest", "reject a bid", "propose a plan").
 */
export const SPEECH_LEMMAS = [
  // Statement
  'say',
  'tell',
  'add',
  'state',
  'claim',
  'argue',
  'declare',
  'announce',
  'note',
  'mention',
  'remark',
  'comment',
  'observe',
  'explain',
  'assert',
  'affirm',
  'reaffirm',
  'reiterate',
  'insist',
  'contend',
  'acknowledge',
  'admit',
  'concede',
  'allege',
  'report',
  'write',
  'tweet',
  'confirm',
  'convey',
  'describe',
  'dub',
  'call',
  'quote',
  'suggest',
  'recall',
  // "Drew indicated the team would …", "A joint communique … indicated that …": told, of a person or a document
  'indicate',
  'point out',
  'make clear',
  // Emphasis and expressing publicly
  'stress',
  'emphasize',
  'emphasise',
  'underline',
  'underscore',
  'highlight',
  'express',
  'voice',
  // Request, response, telling
  'speak',
  'urge',
  'encourage',
  'brief',
  'ask',
  'reply',
  'respond',
  'inform',
  'assure',
  'reveal',
  'disclose',
  // Opinion and expectation, which news reports as attributed as much as sayings ("Sri Lanka expects", "rescuers believe")
  'believe',
  'expect',
  'hope',
  'fear',
  'think',
  'estimate',
  // Judgment, commitment, warning, denial, prediction
  'praise',
  'laud',
  'hail',
  'commend',
  'congratulate',
  'criticize',
  'criticise',
  'condemn',
  'accuse',
  'promise',
  'pledge',
  'vow',
  'warn',
  'caution',
  'deny',
  'predict',
];

/** Each lemma's finite forms as compromise conjugates them: "affirmed", "affirms". */
function finiteForms(lemma: string): { past: string[]; present: string[] } {
  const word = nlp(lemma);
  word.tag('Verb');
  const forms = word.verbs().conjugate()[0] as { PastTense?: string; PresentTense?: string } | undefined;
  return { past: forms?.PastTense ? [forms.PastTense] : [], present: forms?.PresentTense ? [forms.PresentTense] : [] };
}

const SPEECH_FORMS = SPEECH_LEMMAS.map(finiteForms);
/** "commending", "stressing": each lemma's gerund, for an absolute clause of saying. */
const SPEECH_GERUNDS = new Set(
  SPEECH_LEMMAS.map((lemma) => {
    const word = nlp(lemma);
    word.tag('Verb');
    return ((word.verbs().conjugate()[0] as { Gerund?: string } | undefined)?.Gerund ?? '').toLowerCase();
  }).filter((gerund) => gerund.length > 0),
);
/**
 * "Claims", "calls", "notes", "reports": a present form is as often a plural noun, so it counts only where compromise
 * reads it as a verb in the sentence. "say" is the one bare form kept, for a plural subject ("analysts say").
 */
const PRESENT_FORMS = new Set(SPEECH_FORMS.flatMap((forms) => forms.present));
/**
 * "Rescuers believe", "officials warn": the bare form counts right after a plural subject, where compromise reads it as a
 * verb ("state news agency" is no saying), and not after "to" or a modal, where nothing is said yet.
 */
const BARE_FORMS = new Set(SPEECH_LEMMAS.filter((lemma) => lemma !== 'say'));
const INFINITIVE_BEFORE = /\b(?:to|will|would|can|could|may|might|must|should|shall|did|does|do|not|n't)\s+$/i;
const SPEECH_ALL = new RegExp(
  `\\b(${['say', ...BARE_FORMS, ...SPEECH_FORMS.flatMap((forms) => [...forms.past, ...forms.present])]
    .sort((a, b) => b.length - a.length)
    // "made it clear", "pointed it out": a phrasal verb takes its object pronoun between its words.
    .map((form) => form.replace(/ /g, '\\s+(?:it\\s+)?'))
    .join('|')})\\b`,
  'g',
);

/** "was asked", "is widely expected", "is also accused": a passive, an adverb or not between its two words. */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)(?:\s+\p{Ll}+)?\s+$/iu;

/**
 * "The court ruled that …", "the panel concluded that …": a verdict's finding, reported as its finder's words (FrameNet's
 * Verdict); only with a that-clause, since "found the body" or "ruled the country" tells no finding.
 */
export const VERDICT_THAT = /\b(?:ruled|rules|found|finds|concluded|concludes)(?=\s+that\b)/g;

/**
 * "Acal's stated strategy", "the reported deal", "a complaint regarding alleged violations": a participle after a
 * possessive, an article or a preposition qualifies a noun.
 */
const ATTRIBUTIVE_BEFORE = /(?:['’]s|\b(?:its|his|her|their|our|the|a|an|of|for|over|regarding|about|amid|against|despite))\s+$/iu;
const PAST_FORMS = new Set(SPEECH_FORMS.flatMap((forms) => forms.past));
const PARTICIPLE_COMPLEMENT = /^\s+(?:on|in|at|by|for|with|during|after|before|since|last|this|earlier|late|early|yesterday|today)\b/i;

/**
 * "The plan, announced on Monday, includes …": a past participle set off by commas right after its noun, with the
 * sentence's own verb after the aside, is a reduced relative clause: the noun was announced, nobody is said to speak.
 */
function participleAside(outside: string, match: RegExpExecArray): boolean {
  const after = outside.slice(match.index + match[0].length);
  // "…, said the minister, adding": an inverted verb of saying is followed by its speaker, a participle by when or by whom.
  if (!PAST_FORMS.has(match[0]) || !/\p{L}\s*,\s*$/u.test(outside.slice(0, match.index)) || !PARTICIPLE_COMPLEMENT.test(after))
    return false;
  // The word that resumes the sentence is its verb: compromise often reads "covers" or "sets" there as a plural noun, so
  // what counts is that no subject, conjunction or preposition opens a clause of its own.
  const resumed = /^[^,;]*,\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  return (
    resumed !== undefined &&
    !resumed.endsWith('ing') &&
    !nlp(resumed).has('(#Determiner|#Preposition|#Conjunction|#Pronoun|#Adverb|#QuestionWord)')
  );
}

/**
 * "declared a national state of emergency", "observed two minutes of silence": a declaration or an observance whose
 * object is the act itself reports no words of anyone's.
 */
const DECLARE_OR_OBSERVE = /^(?:declared?|declares|observed?|observes)$/i;
const PERFORMED =
  /^\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:state of (?:emergency|disaster|siege)|emergency|war|independence|victory|bankruptcy|curfew|holiday|martial law|mourning|silence|ceasefire|truce)\b/iu;

/** The verbs of saying in a sentence's narration, where they stand. */
function speechVerbs(outside: string): RegExpExecArray[] {
  // "The visit is expected to …", "he was asked": a passive names no speaker.
  const found = [...outside.matchAll(SPEECH_ALL), ...outside.matchAll(VERDICT_THAT)]
    .sort((a, b) => a.index - b.index)
    .filter((match) => {
      const before = outside.slice(0, match.index);
      return (
        !PASSIVE_BEFORE.test(before) &&
        !(PAST_FORMS.has(match[0]) && ATTRIBUTIVE_BEFORE.test(before)) &&
        !participleAside(outside, match) &&
        !(DECLARE_OR_OBSERVE.test(match[0]) && PERFORMED.test(outside.slice(match.index + match[0].length)))
      );
    });
  if (!found.some((match) => PRESENT_FORMS.has(match[0]) || BARE_FORMS.has(match[0]))) return found;
  const sentences = nlp(outside).json({ offset: true }) as Array<{
    terms: Array<{ text: string; tags: string[]; offset: { start: number } }>;
  }>;
  const terms = sentences.flatMap((sentence) => sentence.terms);
  // "NAN reports that …": a present form before "that" is a verb, whatever compromise tags it.
  const verbAt = (at: number) => terms.some((term) => term.offset.start === at && term.tags.includes('Verb'));
  const afterPlural = (at: number) => {
    const previous = terms.filter((term) => term.offset.start < at).at(-1);
    return previous !== undefined && (previous.tags.includes('Plural') || /^(they|we|you|i)$/i.test(previous.text));
  };
  return found.filter(
    (match) =>
      (!BARE_FORMS.has(match[0]) ||
        (verbAt(match.index) && afterPlural(match.index) && !INFINITIVE_BEFORE.test(outside.slice(0, match.index)))) &&
      (!PRESENT_FORMS.has(match[0]) || /^\s+that\b/.test(outside.slice(match.index + match[0].length)) || verbAt(match.index)),
  );
}
/** "said at a press conference", "confirmed the decision": the sentence's narration tells a saying. */
export const tellsASaying = (outside: string) => speechVerbs(outside).length > 0;
/** A place compromise knows by that whole name ("Dubai", "New Delhi"). */
const isPlaceName = (words: string) => (nlp(words).places().out('array') as string[]).join(' ') === words;
/** "ANTHONY ALBANESE: We have made …": a transcript names who speaks in capitals before a colon. */
const TURN = /^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}\p{Lu}):\s/u;
/** The transcript's own voices, which are the broadcaster's. */
const ROLE_IN_TRANSCRIPT = /^(PRESENTER|REPORTER|HOST|ANCHOR|CORRESPONDENT|INTERVIEWER|NARRATOR|JOURNALIST|QUESTION|Q)$/;
/** "a statement late on Sunday by the office of the president", "an earlier statement from the presidency": who issued it. */
const ISSUED_BY =
  /^(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|report|communiqu[eé]|release|announcement|message)\b.*?\b(?:by|from)\s+(.+)$/iu;
/** "Foreign Secretary S Jaishankar" is S Jaishankar: the title words compromise reads as an actor's, and their qualifiers, go. */
function withoutTitle(title: string): string {
  // "Mr Funmi Sessi", "Hon. Qereqeretabua", "Dr. Workneh": a courtesy title is no part of the name.
  const name = title.replace(COURTESY, '');
  const terms = nlp(name).json({ offset: true })[0]?.terms as
    Array<{ text: string; tags: string[]; offset: { start: number } }> | undefined;
  if (!terms) return name;
  // "Chief Justice Gertrude Torkornoo": words English knows as no name, before a first name compromise knows, are a title
  // it read as part of the name.
  const firstName = terms.findIndex((t) => t.tags.includes('FirstName'));
  if (firstName > 0 && terms.slice(0, firstName).every((t) => isCommonWord(t.text))) return name.slice(terms[firstName]!.offset.start);
  // compromise tags some titles as honorifics, not actors: "Governor Jameel Ahmad".
  const lastTitle = terms.reduce((last, t, i) => (t.tags.includes('Actor') || t.tags.includes('Honorific') ? i : last), -1);
  if (lastTitle < 0 || lastTitle === terms.length - 1 || !terms.slice(lastTitle + 1).every((t) => t.tags.includes('Noun'))) return name;
  return name.slice(terms[lastTitle + 1]!.offset.start);
}
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
/** "Justice", "Chief": a word compromise's lexicon holds, in lower case, as anything but a name. */
const isCommonWord = (word: string) => {
  const tags = [LEXICON[word.toLowerCase()] ?? []].flat();
  return tags.length > 0 && !tags.some((tag) => /Name|Person|Place|Country|City|Region|Organization|Demonym/.test(tag));
};
const COURTESY = /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Hon|Rev|Sir|Dame)\.?\s+)+(?=\p{Lu})/u;
/** "…, said X" puts the speaker after the verb; "…, congratulated Nyusi" names whom was spoken to. */
const INVERTS = /^(said|says|added|adds|told|asked|replied|wrote|explained|continued|reports|reported|stated|noted)$/;
/** "On Monday", "In Lisbon", "After The Talks": a prepositional opening, no name. */
const OPENING_ADVERBIAL = /^(?:in|on|at|for|after|before|during|from|since|under|with|by|meanwhile|however|also|later|earlier)\b/i;
/** Capitalised words, with the particles of names: "Feliciano de Sa Guimaraes", "Badr bin Hamad". */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|di|do|dos|del|van|von|bin|ibn|al|el|la|le|du))+$/u;
/** Verbs whose object is the listener, not the speaker. */
const ADDRESSED = /^(told|asked)$/;
/** "during a press conference at the Casa Rosada", "at a news conference": the occasion after an inverted speaker. */
const OCCASION = /\s+(?:during|while|when|after|before|at an?|in an?)\s.*$/i;
/** ", with Tkatchenko commending Fiji": an absolute clause whose subject does the saying. */
const WITH_SAYING = /,\s+with\s+([^,]+?)\s+(\p{Ll}+ing)\b/u;
/** "The meeting discussed …", "The talks affirmed": a gathering speaks for the people who met. */
const GATHERING = /^\s*(?:the|this|that)\s+(?:\p{L}+\s+)?(?:meeting|talks|discussions?|summit|session|consultations)\b/iu;
/**
 * "The parties", "the interlocutors", "the heads of state": a definite plural in common nouns, which names no one the
 * store knows, by compromise's number rather than a list of nouns.
 */
const isDefinitePlural = (words: string) =>
  /^[Tt]he\s+\p{Ll}[\p{Ll}-]*(?:\s+of\s+\p{Ll}+)?$/u.test(words) && nlp(words).has('^the #Plural (of #Noun)?$');
const PRONOUN = /^(he|she|they)$/i;
const PRONOUN_PLURAL = /^they$/i;
/** "Both Foreign Affairs Ministers", "the two leaders": the two people the text has been about. */
const PAIR = /^(?:both|the two)\s+(?:\p{L}+\s+){0,3}(?:ministers|leaders|presidents|premiers|heads|sides|envoys|counterparts)$/iu;
/** "The statement said", "the press service says": the organisation that issued it, named earlier. */
const ISSUER = /^(the|a|an) (\w+ )?(statement|press service|press office|report|communiqu[eé]|ministry|spokesperson'?s? office)$/i;
/** "Sri Lankan officials", "Western diplomats": unnamed people of a kind. */
const GROUP = /^(?:[\p{L}'’-]+ ){1,3}(officials|sources|diplomats|analysts|experts|observers)$/iu;
/** "The bloc said": a body of members is the organisation last named. */
const COLLECTIVE = /^the (\w+ )?(bloc|alliance|organi[sz]ation|union|group|body|agency|company|firm|corporation)$/i;
/** "His Highness affirmed", "Her Excellency noted": a style of address stands for the last person named. */
const HONORIFIC = /^(his|her) (royal )?(highness|excellency|majesty|holiness)$/i;
/** "The minister said", "the Russian President replied", "the Head of State said", "the police commissioner said", "the chief executive added": the last person named. */
const ROLE =
  /^the (\w+ )?(minister|president|premier|prime minister|chancellor|leader|envoy|ambassador|secretary|general|official|director|governor|chair(?:man|woman|person)?|head of state|spokes(man|woman|person)|commissioner|chief executive|ceo|mayor|judge|commander|prosecutor)$/i;

/** "Knut Helge Hurum of the Fend law firm": two to four capitalised words before "of" and more words. */
const MEMBER_OF = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+of\s+\S/u;

/** Capitalised words that name neither an office ("Prime Minister"), a body, a place nor a date: a person's name. */
function isUnknownPersonName(words: string): boolean {
  const terms = (nlp(words).json()[0]?.terms ?? []) as Array<{ tags: string[] }>;
  return (
    !namesABody(words) &&
    terms.every(
      (t) =>
        !t.tags.some((tag) => /Actor|Honorific|Organization|Place|Country|City|Date|Month|WeekDay|Adjective|Determiner|Pronoun/.test(tag)),
    )
  );
}

/** "FWRM Executive Director, Virisila Buadromo.": words, a comma and a name that closes the sentence. */
const OFFICE_THEN_NAME = /^\s+([^,;]+?),\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)\s*[.!?]?\s*$/u;

/**
 * "KMPDU Secretary General", "FWRM Executive Director": an office in capitals by compromise's actor nouns (an acronym
 * alone is none), naming no person, place or body.
 */
function isOffice(words: string): boolean {
  const terms = (nlp(words).json()[0]?.terms ?? []) as Array<{ text: string; tags: string[] }>;
  return (
    terms.length > 0 &&
    !namesABody(words) &&
    terms.every((t) => /^\p{Lu}/u.test(t.text) && !t.tags.includes('Person') && !t.tags.includes('Place')) &&
    terms.some((t) => t.tags.includes('Actor') && !t.tags.includes('Acronym'))
  );
}

/**
 * "…, added the statement.", "…, says the union's press release.": a speaker described by a noun phrase inverts as a
 * name does, where the words closing the sentence hold no verb ("Ruto, who arrived …, said the two countries were …" is
 * Ruto's saying, its object a clause).
 */
function describedAfter(after: string): RegExpExecArray | null {
  const described = /^\s+((?:the|a|an)\s[^,;]*?)\s*[.!?]?\s*$/.exec(after);
  return described && !nlp(described[1]!).has('#Verb') ? described : null;
}

/** "ANTHONY ALBANESE" as a name is written in running text: Anthony Albanese. */
export const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase());

/**
 * The sentence with its quoted words blanked out, positions kept, so only the narration is searched for speakers. Single
 * marks ("'Under the MOU, …,' Garafil said") quote only where one opens on a capital and one closes after punctuation,
 * since the same mark is an apostrophe ("Vietnam's") and a scare quote ('very productive'); two single marks doubled
 * ("‘‘The events … observe.’’", "''…,'' the Monetary Board said") quote as a double mark does.
 */
export function maskQuotes(sentence: string): string {
  return sentence.replace(/‘‘.*?(?:’’|$)|''.*?(?:''|$)|“[^”]*”?|"[^"]*"?|(?<=^|\s)['‘]\p{Lu}.*?[,.!?]['’](?=\s|$)/gu, (quote) =>
    ' '.repeat(quote.length),
  );
}

/** "the North's media": a name that only qualifies the speaker is not the speaker. */
const isModifier = (sentence: string, mention: Mention) => /^['’]s\s+[a-z]/.test(sentence.slice(mention.index + mention.surface.length));

/**
 * Words that open a clause of time or condition, whose verb tells a happening, not the sentence's saying. Not "while",
 * "whereas", "because" or "though": a clause of contrast or cause names its own speaker ("…, while activists told
 * reporters that …"), as `subjectBefore` reads one after "as".
 */
const SUBORDINATE = /^(?:after|before|when|whenever|since|once|until|unless)\s/i;

/**
 * The subject of a speech verb: the words between the last clause break and the verb, stepping over an aside such as
 * ", monitored in Seoul," back to "The KCNA report".
 */
function subjectBefore(outside: string, verbAt: number): { text: string; start: number } | null {
  const before = outside.slice(0, verbAt);
  // "Nordvik Lines (Nasdaq: NVL) said": a colon or comma inside brackets breaks no clause.
  const bracketed = (at: number) => (before.slice(0, at).match(/\(/g)?.length ?? 0) > (before.slice(0, at).match(/\)/g)?.length ?? 0);
  const breaks = [...before.matchAll(/[,;:—]|\s{2,}/g)].filter((m) => !bracketed(m.index!)).map((m) => m.index! + m[0].length);
  let end = verbAt;
  for (let i = breaks.length; i >= 0; i -= 1) {
    const start = i === 0 ? 0 : breaks[i - 1]!;
    const text = before.slice(start, end).trim();
    // "Putin was less expansive, but called …", "Two judges, A and B, however dissented": the subject stands before the
    // conjunction or the sentence adverb.
    // "Hernandez, who was replaced …, has denied": an auxiliary alone is the verb's own, its subject before the aside.
    if (
      text.length === 0 ||
      /^(but|and|or|yet|then|however|though|meanwhile|instead|nevertheless)$/i.test(text) ||
      (i > 0 && nlp(text).has('^#Verb') && namesNoOne(text))
    ) {
      end = start > 0 ? start - 1 : 0;
      continue;
    }
    // "…, after Canada and its allies condemned the seizure": a verb in a clause of time tells no saying of the
    // sentence's words, which are the main clause's.
    if (end === verbAt && SUBORDINATE.test(text)) return null;
    // "…, which Manele described as …": the verb's own clause is an object relative, whose subject follows its pronoun
    // (not "which did not say", whose subject the pronoun is).
    const objectRelative = end === verbAt ? /^(?:which|whom)\s+(?=\p{Lu}|(?:the|a|an|his|her|its|their)\s)/u.exec(text) : null;
    if (objectRelative) {
      const lead = before.slice(start, end).length - before.slice(start, end).trimStart().length;
      return { text: text.slice(objectRelative[0].length), start: start + lead + objectRelative[0].length };
    }
    // A relative clause or an aside ("for his part", "in turn") stands between the subject and its verb.
    if (
      (/^(who|whose|which|monitored|speaking|asked|replying|noting|welcoming)\b/i.test(text) ||
        /^(for|in|on|at|by|with) \w+( \w+)?$/i.test(text)) &&
      i > 0
    ) {
      end = start - 1;
      continue;
    }
    // "Feliciano de Sa Guimaraes, academic director for the Brazilian Center …, told AFP": a description in lower case
    // set after a name is that name's apposition.
    // "Fatima Navarro, a teacher at the school, told …" too, but not "On Monday, the ministry said".
    const previous =
      i > 1 ? before.slice(breaks[i - 2]!, breaks[i - 1]! - 1).trim() : i === 1 ? before.slice(0, breaks[0]! - 1).trim() : '';
    const described = /^(?:a|an|the)\s/.test(text)
      ? !OPENING_ADVERBIAL.test(previous)
      : !/^(?:he|she|they|it|we|i|this|that|these|those)\b/.test(text);
    // "Davji Atellah, KMPDU Secretary General said": an office in capitals set after a name is its apposition too.
    const officeAfterName = /^\p{Lu}/u.test(text) && !OPENING_ADVERBIAL.test(previous) && isOffice(text);
    if (((/^\p{Ll}/u.test(text) && described) || officeAfterName) && NAME.test(previous)) {
      end = start - 1;
      continue;
    }
    // "Lula, who handed the presidency to his counterpart, Santiago Peña, revealed …": a name closing a relative clause
    // is its object's apposition, not the subject.
    if (NAME.test(text) && /^(?:who|whose|which)\b/i.test(previous)) {
      end = start - 1;
      continue;
    }
    // "… kept digging for survivors as authorities said …": the subject of a subordinate clause of saying.
    // "…, Tuesday where police say …": so is the subject of a clause of place.
    const subordinate = /^.*\b(?:as|while|because|whereas|although|though|where)\s+(?=\S)/is.exec(text);
    if (subordinate && !/^(?:he|she|they|it|we)$/i.test(text.slice(subordinate[0].length))) {
      const lead = before.slice(start, end).length - before.slice(start, end).trimStart().length;
      return { text: text.slice(subordinate[0].length), start: start + lead + subordinate[0].length };
    }
    return { text, start };
  }
  return null;
}
