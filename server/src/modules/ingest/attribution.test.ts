import { describe, expect, it } from 'vitest';

import { DatePrecision } from '../../core/dates/precision.js';
import { blocksOf } from '../../core/text/blocks.js';
import { Gazetteer } from './gazetteer.js';
import { propose } from './propose.js';

const gazetteer = new Gazetteer([
  { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  { id: 'wire', name: 'Nordic Wire', kind: 'ORGANIZATION', aliases: [] },
  { id: 'lisbon', name: 'Lisbon', kind: 'PLACE', aliases: [] },
]);

/** Written for these tests: each paragraph puts the speaker in another place. */
const TEXT = [
  'Ferry strike ends',
  '“We have a deal. The ferries run again on Monday,” Costa told reporters in Lisbon.',
  'The talks lasted all night, the Harbour Board said in a statement on its website.',
  '“Every crew is back at work and the timetable holds,” the statement said.',
  'The agreement covers the next three winters, said Weber, who led the union side.',
  'Jonas Weber met the board on Tuesday. “It was hard. It was fair,” he said.',
  'Costa was less talkative, but called the deal “a fair end to a long dispute”.',
  'The Portuguese minister praised both sides, Nordic Wire quoted Costa as saying in a radio interview.',
  'Speaking after the signing, the minister said:',
  '“This is the end of a long winter for the islands and their ferries.”',
  'Fares will rise by two percent, according to union officials.',
  'Dockworkers in Lisbon unloaded the first ferry before dawn.',
].join('\n\n');

describe('speech attribution', () => {
  const { claims } = propose(TEXT, blocksOf(TEXT), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'AGREEMENT', 'STATEMENT', 'OTHER']),
    authorLabel: 'the reporter',
  });
  const on = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return { attribution: claim.attribution, claimant: claim.claimantId ?? claim.claimantLabel };
  };

  it('finds the speaker after a quote with full stops inside, and keeps the quote whole', () => {
    expect(on('“We have a deal.')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
    expect(claims.some((c) => c.text.startsWith('The ferries run again'))).toBe(false);
  });

  it('gives "the statement said" to the organisation that issued it', () => {
    expect(on('The talks lasted')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'port' });
    expect(on('“Every crew is back')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'port' });
  });

  it('reads "said X" and pronouns for the last named person', () => {
    expect(on('The agreement covers')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'weber' });
    expect(on('“It was hard.')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'weber' });
    expect(on('Costa was less talkative')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
  });

  it('reads "quoted X as saying", a role, "according to" and a speaker announced before the quote', () => {
    expect(on('The Portuguese minister praised')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'costa' });
    expect(on('“This is the end')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
    expect(on('Fares will rise')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'union officials' });
  });

  it('leaves the author what nobody else says', () => {
    expect(on('Dockworkers in Lisbon')).toEqual({ attribution: 'AUTHOR_ASSERTION', claimant: 'the reporter' });
  });
});

describe('speakers told by the clause around them', () => {
  const gazetteer = new Gazetteer([
    { id: 'board', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
    { id: 'union', name: 'Dockers Union', kind: 'ORGANIZATION', aliases: [] },
    { id: 'mayor', name: 'Rita Lopes', kind: 'PERSON', aliases: ['Lopes', 'Mayor Lopes'] },
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  ]);
  /** Written for these tests, each sentence in a construction the first set of rules misread. */
  const TEXT = [
    'Ferry fares to rise',
    'The ferries will run hourly from May, according to a statement issued by the Harbour Board.',
    'Fares will rise by two percent on every route, it said.',
    'The Dockers Union also called off its strike, saying the deal "will have to hold for three winters".',
    'Night crossings resume in June, according to a statement released after a long meeting in the capital.',
    'After the vote, Mayor Lopes thanked the crews for their patience, saying the islands owed them a great deal.',
    'Costa, whose talks with the union ended on Tuesday, congratulated Lopes on the outcome of the vote.',
    'The union leadership now says the timetable will be kept until the end of the year.',
    'Port director Tomas Varga, for his part, said the new ferries would arrive in the spring.',
  ].join('\n\n');
  const { claims } = propose(TEXT, blocksOf(TEXT), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'OTHER']),
    authorLabel: 'the reporter',
  });
  const claimant = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return claim.claimantId ?? claim.claimantLabel;
  };

  it('gives "according to a statement issued by X" to X, and "it said" after it to X too', () => {
    expect(claimant('The ferries will run')).toBe('board');
    expect(claimant('Fares will rise')).toBe('board');
  });

  it('reads the speaker of "…, saying …" as the subject of the main clause, past an opening adverbial', () => {
    expect(claimant('The Dockers Union also called off')).toBe('union');
    expect(claimant('After the vote, Mayor Lopes')).toBe('mayor');
  });

  it('takes no speaker from what follows the verb of an "according to" phrase: the statement is the last issuer', () => {
    expect(claimant('Night crossings resume')).toBe('union');
  });

  it('reads only verbs of saying as inverted, steps over relative clauses and asides, and drops adverbs and titles', () => {
    expect(claimant('Costa, whose talks')).toBe('costa');
    expect(claimant('The union leadership now says')).toBe('The union leadership');
    expect(claimant('Port director Tomas Varga')).toBe('Tomas Varga');
  });
});

describe('third-party speakers wherever the text puts them', () => {
  const gazetteer = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'port', name: 'Port of Lisbon', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: speakers after the quote, before a closing saying, in the paragraph before, in a transcript. */
  const TEXT = [
    'Ferries return',
    '“The crews are back,” said Marta Quental, a union delegate.',
    '“Night crossings start in June,” said a statement late on Friday by the office of the harbour master.',
    'Lisbon has also pledged to pay for two new ferries, it said.',
    'Jonas Weber said the strike had cost the islands dearly.',
    'Costa welcomed the deal. “This gives the islands their ferries back,” she said.',
    '“We will not strike again this winter.”',
    'Harbour Secretary Tomas Varga said the timetable would hold.',
    'PRESENTER: The minister joins us now.',
    'ANA COSTA: We have a deal, and the ferries run again on Monday.',
  ].join('\n\n');
  const { claims, names } = propose(TEXT, blocksOf(TEXT), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'OTHER']),
    authorLabel: 'the reporter',
  });
  const on = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return claim.claimantId ?? claim.claimantLabel;
  };

  it('reads a speaker the store does not know after the quote, and the issuer of a statement', () => {
    expect(on('“The crews are back,”')).toBe('Marta Quental');
    expect(on('“Night crossings')).toBe('the office of the harbour master');
  });

  it('gives the reported words to the saying that closes the sentence, and a title-less name to a titled speaker', () => {
    expect(on('Lisbon has also pledged')).toBe('the office of the harbour master');
    expect(on('Harbour Secretary Tomas Varga')).toBe('Tomas Varga');
  });

  it('reads "he said" as the person the paragraph was about, and a quote standing alone as its speaker’s', () => {
    expect(on('“This gives')).toBe('costa');
    expect(on('“We will not strike')).toBe('costa');
  });

  it('reads a transcript’s speaker before the colon, a known one linked, and proposes no name from the capitals', () => {
    expect(on('PRESENTER:')).toBe('the reporter');
    expect(on('ANA COSTA:')).toBe('costa');
    expect(names.map((n) => n.name)).not.toContain('ANA COSTA');
  });
});

describe('speakers named once in full', () => {
  const text = [
    'Harbour talks end',
    'Harbour Secretary Tomas Varga said this at a briefing after the talks in Lisbon.',
    '“The crews have agreed to every clause of the new contract,” Varga said.',
    '“And they will return to work on Monday,” he said.',
    'The timetable will hold through the winter, the board’s spokesman Md. Rui Lobo said.',
    'President Ana Costa thanked the crews for their patience during the long strike.',
    'The Prime Minister said the islands would never forget the crews’ patience.',
  ].join('\n\n');
  const { claims } = propose(text, blocksOf(text), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'OTHER']),
    authorLabel: 'the reporter',
  });
  const on = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return claim.claimantId ?? claim.claimantLabel;
  };

  it('reads a surname alone as the full name given before, and "he said" after it as that person', () => {
    expect(on('“The crews have agreed')).toBe('Tomas Varga');
    expect(on('“And they will return')).toBe('Tomas Varga');
  });

  it('reads a description closed by a full name as that person, an abbreviated first name not ending the sentence', () => {
    expect(on('The timetable will hold')).toBe('Rui Lobo');
  });

  it('does not give an office to the last person named when the text titled them with another', () => {
    expect(on('The Prime Minister said')).toBe('The Prime Minister');
  });
});

describe('speakers described by a place or reaffirming', () => {
  const places = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'portugal', name: 'Portugal', kind: 'STATE', aliases: [] },
  ]);
  const text = [
    'Portuguese officials said the ferries would run again on Monday.',
    'Ana Costa opened the terminal. She reiterated Portugal’s commitment to the islands.',
    'Two pilots, Rui Lobo and Tomas Varga, however refused the new rota, saying the crews were too tired.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, places);

  it('gives what a place’s officials said to them as a label, not to the state', () => {
    expect(on('Portuguese officials said')).toBe('Portuguese officials');
  });

  it('skips a sentence adverb between a subject and its verb to find who is "saying": the last of the people named', () => {
    expect(on('Two pilots')).toBe('Tomas Varga');
  });

  it('reads "reiterated" as a verb of saying, for the person the pronoun stands for', () => {
    expect(on('She reiterated')).toBe('costa');
  });
});

describe('speakers behind a dateline, a participle or a past perfect', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'board', name: 'Harbour Board of Lisbon', kind: 'ORGANIZATION', aliases: ["Lisbon's harbour board"] },
    { id: 'portugal', name: 'Portugal', kind: 'STATE', aliases: [] },
    { id: 'sri-lanka', name: 'Sri Lanka', kind: 'PLACE', aliases: ['Sri Lankan'] },
  ]);
  const text = [
    'Sri Lankan officials had said earlier that the ferries would be sold.',
    'LISBON: The new timetable came as a relief to the islands, Portugal’s minister Ana Costa said.',
    "At least 40 ferries were back at sea by Monday morning, Lisbon's harbour board said on its website, marking a quick recovery.",
    'Portuguese officials had said earlier that the ferries would run again on Monday.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads a place in capitals before a colon as a dateline, not a speaker’s turn', () => {
    expect(on('LISBON:')).toBe('costa');
  });

  it('finds the speaker of a saying closed by a participle, named in lower case', () => {
    expect(on('At least 40 ferries')).toBe('board');
  });

  it('gives what a place’s officials had said earlier to them as a label', () => {
    expect(on('Portuguese officials had said')).toBe('Portuguese officials');
    expect(on('Sri Lankan officials had said')).toBe('Sri Lankan officials');
  });
});

describe('verbs of saying found by their lemma, and speakers by a style or a name cut short', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'board', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  const text = [
    'Ana Costa received the island delegation on Monday. She expressed her hope that the ferries would run all winter.',
    'The Harbour Board voiced concern about the cost of the new piers.',
    'The claims of the crews were heard by a panel on Tuesday.',
    'Ana Costa then met the sultan. His Highness affirmed the islands’ support for the new timetable.',
    'Mark Anthony Walsh, who leads the pilots, joined the talks. Mark Anthony told reporters the crews would return on Friday.',
    'The Harbour Board expects the new piers to open in May.',
    'The new piers are expected to cost twice the first estimate.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads forms no list spelled out ("expressed", "voiced", "affirmed") as saying, by their lemma', () => {
    expect(on('She expressed')).toBe('costa');
    expect(on('The Harbour Board voiced')).toBe('board');
  });

  it('does not read a plural noun that is also a verb form ("the claims of the crews") as a saying', () => {
    expect(on('The claims of the crews')).toBe('the reporter');
  });

  it('gives an expectation to whoever holds it, and a passive "is expected" to nobody but the author', () => {
    expect(on('The Harbour Board expects')).toBe('board');
    expect(on('The new piers are expected')).toBe('the reporter');
  });

  it('gives what "His Highness" affirmed to the person last named', () => {
    expect(on('His Highness affirmed')).toBe('costa');
  });

  it('gives a name cut short to the person the text named in full', () => {
    expect(on('Mark Anthony told')).toBe('Mark Anthony Walsh');
  });
});

describe('speakers behind a courtesy title, a pair, an inverted report, a body they speak for, or a verb joined by "and"', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'party', name: 'Harbour Party', kind: 'ORGANIZATION', aliases: [] },
    { id: 'wire', name: 'Nordic Wire', kind: 'ORGANIZATION', aliases: [] },
  ]);
  const text = [
    'In thanking the crews, Hon. Weber said the ferries would run all winter.',
    'Ana Costa met Jonas Weber in Lisbon on Monday. Both ministers reaffirmed their support for the new piers.',
    'The ferries will run on Sundays from May, reports Nordic Wire.',
    'Harbour Party councillor Mark Anthony Walsh said the fares were too high.',
    'Ana Costa is a Harbour Party member and says the new timetable is the best in a decade.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('keeps a sentence whole after a courtesy title ("Hon.") and gives it to the person so titled', () => {
    expect(on('In thanking the crews, Hon. Weber said')).toBe('weber');
  });

  it('gives what "both ministers" said to the last named of the two', () => {
    expect(on('Both ministers reaffirmed')).toBe('weber');
  });

  it('reads "…, reports X" as X\'s report', () => {
    expect(on('The ferries will run on Sundays')).toBe('wire');
  });

  it('gives a saying to a person the store does not know, named after the body they speak for', () => {
    expect(on('Harbour Party councillor')).toBe('Mark Anthony Walsh');
  });

  it('gives a verb joined by "and" the subject of its clause, not a name inside its predicate', () => {
    expect(on('Ana Costa is a Harbour Party member')).toBe('costa');
  });
});

/** Who a claim proposed on a March 2024 report is given to, found by the words the claim starts with. */
function claimantOfClaimStarting(text: string, gazetteer: Gazetteer) {
  const { claims } = propose(text, blocksOf(text), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'OTHER']),
    authorLabel: 'the reporter',
  });
  return (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return claim.claimantId ?? claim.claimantLabel;
  };
}

describe('speakers after a quote, by a title given elsewhere, for a pair, and in clauses around the subject', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'lind', name: 'Eva Lind', kind: 'PERSON', aliases: ['Lind', 'CJI Lind'] },
    { id: 'moss', name: 'Karl Moss', kind: 'PERSON', aliases: ['Moss'] },
    { id: 'court', name: 'High Court', kind: 'ORGANIZATION', aliases: [] },
    { id: 'wire', name: 'Nordic Wire', kind: 'ORGANIZATION', aliases: ['NW'] },
    { id: 'norland', name: 'Norland', kind: 'PLACE', aliases: [] },
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests, one paragraph for each rule. */
  const text = [
    '“The piers will be ready by May,” declared Costa.',
    'The ferries will run on Sundays, reports Baltic Post.',
    'Norland Minister of Transport Jonas Weber met Karl Moss, Crown Prince of Norland, in the capital. The transport minister congratulated Moss on the new piers.',
    'On his turn, the Norland’s Crown Prince praised the crews.',
    'Ana Costa met Jonas Weber and the harbour masters on Monday, after a visit by Karl Moss. They highlighted the work of the crews.',
    'The meeting reviewed the timetable. It also affirmed the need for more ferries.',
    'Trade featured in the talks, with Weber commending the board for the new fares.',
    'Chief Justice M.K. Lind signed the order on Friday.',
    '"The fares must be fair," the CJI said.',
    'The High Court made it clear that it was not cancelling the tender.',
    'NW reports that the tender was cut short.',
    'Fares rose by two percent, according to figures released last week by the Harbour Board.',
    '“The islands are our first concern,” Tomas Varga, harbour master for the northern islands, told Nordic Wire.',
    'Costa, who handed the file to her deputy, Mark Holm, revealed the cost of the piers.',
    'Crews kept working through the night as port officials said the storm had passed.',
    'Dockers believe the piers will be finished early.',
    'Costa told reporters that the ferries would be cheaper.',
    '“We will not raise the fares again.',
    'Weber spoke of his talks with Karl Moss. “We are here to build ties,” added the veteran leader.',
    'The tender opened in Lisbon, which Holm described as “a fair start”.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads any verb of saying after a quote as inverted', () => {
    expect(on('“The piers will be ready')).toBe('costa');
  });

  it('reads "…, reports X" for a name the store does not know', () => {
    expect(on('The ferries will run on Sundays')).toBe('Baltic Post');
  });

  it('gives a role to the last person the text titled with its office, not to the last person named', () => {
    expect(on('The transport minister congratulated')).toBe('weber');
  });

  it('learns a title set after a name between commas, and its place, for "the Norland’s Crown Prince"', () => {
    expect(on('On his turn')).toBe('moss');
  });

  it('gives "they" to the two people named together, and "it" after "the meeting" to them too', () => {
    expect(on('They highlighted')).toBe('costa');
    expect(on('It also affirmed')).toBe('costa');
  });

  it('reads ", with X commending …" as X\'s saying', () => {
    expect(on('Trade featured in the talks')).toBe('weber');
  });

  it('gives "the CJI" to the person the store knows with that title before the name', () => {
    expect(on('"The fares must be fair,"')).toBe('lind');
  });

  it('reads "made it clear" as a verb of saying', () => {
    expect(on('The High Court made it clear')).toBe('court');
  });

  it('reads a present form before "that" as a verb', () => {
    expect(on('NW reports that')).toBe('wire');
  });

  it('finds the agent of "according to figures released last week by X"', () => {
    expect(on('Fares rose by two percent')).toBe('port');
  });

  it('steps over a lower-case apposition to the name, and does not invert "told X"', () => {
    expect(on('“The islands are our first concern,”')).toBe('Tomas Varga');
  });

  it('steps over a name closing a relative clause back to the subject', () => {
    expect(on('Costa, who handed the file')).toBe('costa');
  });

  it('reads the subject of "as X said" inside a longer clause', () => {
    expect(on('Crews kept working')).toBe('port officials');
  });

  it('reads a bare verb of saying after a plural subject', () => {
    expect(on('Dockers believe')).toBe('Dockers');
  });

  it('gives a quote paragraph to the person whose reported speech came just before it', () => {
    expect(on('“We will not raise')).toBe('costa');
  });

  it('gives a description no office narrows to the person speaking, not the last named', () => {
    expect(on('“We are here to build ties,”')).toBe('weber');
  });

  it('reads the subject of an object relative clause ("which Holm described")', () => {
    expect(on('The tender opened in Lisbon')).toBe('Mark Holm');
  });
});

describe('quoted words with no verb of saying', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: a quote and a term in quotes after the text has moved on from the speaker. */
  const text = [
    '“The ferries will run all winter,” Costa told reporters on the pier.',
    'The Harbour Board met again on Tuesday in the old customs house.',
    'Likewise, the union “wants the fares frozen for a year,” not least for the island schools.',
    'The new timetable is known on the islands as the “Winter Line” this year.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives quoted words that make a clause to the last speaker, and a term in quotes to no one', () => {
    expect(on('Likewise, the union')).toBe('costa');
    expect(on('The new timetable')).toBe('the reporter');
  });
});

describe('people the store does not know, named after their title', () => {
  const known = new Gazetteer([
    { id: 'bank', name: 'Harbour Savings Bank', kind: 'ORGANIZATION', aliases: ['HSB'] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  ]);
  /** Written for these tests: new people whose first names compromise does not know, later named by surname or office. */
  const text = [
    'Costa will meet Norway’s Prime Minister Taveli Ruskan in the capital on Friday.',
    'Prime Minister Ruskan said the visit would open a new chapter.',
    'The rates were announced by Harbour Savings Bank Governor Okemi Tarvald after the board met.',
    'The HSB governor said inflation would ease by the summer.',
    'The governor said the reserves had doubled since March.',
    'Lending will slow before it recovers, Okemi added.',
    '“The board decided to hold the rate at five percent,” HSB Governor Okemi Tarvald said on Monday.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('takes a surname back to the full name a title introduced', () => {
    expect(on('Prime Minister Ruskan said')).toBe('Taveli Ruskan');
    expect(on('Lending will slow')).toBe('Okemi Tarvald');
  });

  it('gives a description headed by the title the text gave a new person to that person, not the body', () => {
    expect(on('The HSB governor said')).toBe('Okemi Tarvald');
    expect(on('The governor said')).toBe('Okemi Tarvald');
  });

  it('drops a title compromise reads as an honorific from the speaker', () => {
    expect(on('“The board decided')).toBe('Okemi Tarvald');
  });
});

describe('a verb of saying joined to its clause by "and" or "but"', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  ]);
  /** Written for these tests: a prepositional phrase stands between the verb and the clause whose subject it shares. */
  const text = [
    'Weber chaired the morning session on the harbour works.',
    'Costa cited the old ferry treaty, signed in the last century, as a model, but said the new one would go further.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives it to the subject of the clause it is joined to', () => {
    expect(on('Costa cited the old ferry treaty')).toBe('costa');
  });
});

describe('"he" and "she" by the first name of whom they stand for', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  ]);
  /** Written for these tests: the last speaker is a man, the pronoun a woman's. */
  const text = [
    'Costa opened the new ferry terminal on Friday.',
    '“The crossing will take an hour less,” Weber told reporters at the pier.',
    '“We waited ten years for this terminal,” she said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('does not give "she" to the man who spoke last but to the woman named before', () => {
    expect(on('“We waited ten years')).toBe('costa');
  });
});

describe('a paragraph of quote after a sentence about someone', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: the last speaker is not the person the sentence before the quote told of. */
  const text = [
    '“The ferries will run all winter,” Costa told reporters on the pier.',
    'The Harbour Board appointed Okemi Tarvald as its new harbour master on Monday.',
    'Speaking at the pier after the vote, Tarvald outlined the new timetable for the islands.',
    '“Every crossing will leave on the hour, and the night ferry returns in the spring.”',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the quote to the subject of that sentence, taken back to the full name, not to the last speaker', () => {
    expect(on('“Every crossing')).toBe('Okemi Tarvald');
  });
});

describe('a gerund of saying after the main clause', () => {
  const known = new Gazetteer([{ id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] }]);
  /** Written for these tests: the saying is told by a gerund no earlier rule listed. */
  const text = [
    'The harbour vote was held on Friday.',
    'Costa had refused to accept the result at the weekend, claiming in a statement on Saturday that the count was flawed.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives it to the subject of the main clause', () => {
    expect(on('Costa had refused')).toBe('costa');
  });
});

describe('those who met, told of by a description with no name of its own', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'moss', name: 'Karl Moss', kind: 'PERSON', aliases: ['Moss'] },
    { id: 'lind', name: 'Eva Lind', kind: 'PERSON', aliases: ['Lind'] },
  ]);
  /** Written for these tests: two mediators are named together after the two who met. */
  const text = [
    'Ana Costa met Jonas Weber in Lisbon on Monday to settle the ferry dispute.',
    'The talks were chaired by Karl Moss and Eva Lind, who had brokered the first round.',
    'The parties emphasized the need for more ferries on the northern route.',
    'The meeting also acknowledged the work of the crews through the winter.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives a definite plural ("The parties") to the first two people named together, not to the last pair', () => {
    expect(on('The parties emphasized')).toBe('costa');
  });

  it('gives a gathering ("The meeting") to them too', () => {
    expect(on('The meeting also acknowledged')).toBe('costa');
  });
});

describe('when the speaker spoke, and a verb of saying outside the first lexicon', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  ]);
  /** Written for these tests: the time of the saying stands before or after the speaker's words. */
  const text = [
    'Ana Costa met Jonas Weber in Lisbon on Monday to settle the ferry dispute.',
    'Recently Portugal said that two of the ferries had been laid up over the winter.',
    'The island press today called the settlement a relief for the northern route.',
    'Weber indicated the crews would be back at work before the end of the month.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('leaves an opening adverb and a closing date out of the speaker', () => {
    expect(on('Recently Portugal said')).toBe('Portugal');
    expect(on('The island press today')).toBe('The island press');
  });

  it('reads "indicated" as a verb of saying', () => {
    expect(on('Weber indicated')).toBe('weber');
  });
});

describe('a body told of by the head of its name or by its acronym', () => {
  const known = new Gazetteer([{ id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] }]);
  /** Written for these tests: two bodies the store does not know, each named once in full. */
  const text = [
    'The independent Harbour Safety Committee has found the ferry operator guilty of breaching its licence.',
    'The committee announced on Monday that the operator would pay a fine.',
    'Ana Costa attended a meeting of the Port Tariff Board (PTB) on Tuesday.',
    'Back then, the PTB reiterated “that fares will not rise before the summer season begins”.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives "the committee" to the body the text named with that head', () => {
    expect(on('The committee announced')).toBe('Harbour Safety Committee');
  });

  it('gives an acronym to the body named with it in brackets', () => {
    expect(on('Back then, the PTB')).toBe('Port Tariff Board');
  });
});

describe('an office told of by its common noun', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: a commissioner and a chief executive named once, then by their offices alone. */
  const text = [
    'Police Commissioner Ana Costa visited the harbour on Monday.',
    'For the islands, the police commissioner said that crime had fallen by a third.',
    'The Harbour Board was told of the figures on Tuesday.',
    'The chief executive added that the ferries would carry more officers.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives "the police commissioner" and "the chief executive" to the last person named', () => {
    expect(on('For the islands')).toBe('costa');
    expect(on('The chief executive')).toBe('costa');
  });
});

describe('a body the sentence names, then speaking as "the governing body"', () => {
  const known = new Gazetteer([
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
    { id: 'wire', name: 'Nordic Wire', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: each body acts in the sentence's first words and speaks by a description at its end. */
  const text = [
    'The Harbour Board has fined the ferry operator for breaching its licence, the governing body announced on Friday.',
    'Nordic Wire cut its prices on Monday, the company said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the description to the body the sentence named first', () => {
    expect(on('The Harbour Board')).toBe('port');
    expect(on('Nordic Wire cut')).toBe('wire');
  });
});

describe('a described speaker after an inverted verb of saying', () => {
  const known = new Gazetteer([
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  ]);
  /** Written for these tests: a statement that speaks after its words, and a person whose saying takes a clause. */
  const text = [
    'The Harbour Board issued a statement on Tuesday.',
    'The new timetable was also discussed at length, added the statement.',
    'Costa, who arrived in Lisbon on Monday, said the two ports were partners.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives "…, added the statement" to its issuer, and not "said the two ports were" to the ports', () => {
    expect(on('The new timetable')).toBe('port');
    expect(on('Costa, who arrived')).toBe('costa');
  });
});

describe('a body told of by the head its name sets before "of"', () => {
  const known = new Gazetteer([{ id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] }]);
  /** Written for these tests: a court and a ministry the store does not know, each named once in full. */
  const text = [
    'The Maritime Court of Appeal in Lisbon upheld the ferry operator’s licence on Friday.',
    'The court said in its ruling that the licence had been granted lawfully.',
    'Ana Costa wrote to the Ministry of Harbour Affairs after the ruling.',
    'The ministry said that it would study the verdict before deciding on an appeal.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives "the court" and "the ministry" to the bodies so headed', () => {
    expect(on('The court said')).toBe('Maritime Court of Appeal');
    expect(on('The ministry said')).toBe('Ministry of Harbour Affairs');
  });
});

describe('words that name no one are no speaker', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  ]);
  /** Written for these tests: an auxiliary after an aside, and a comparison before a verb of expecting. */
  const text = [
    'Costa, who was replaced as chair in January after eight years in office, has denied any wrongdoing.',
    'The Harbour Board has raised port fees by two percent, earlier than expected, to pay for the new quay.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('steps over an aside to the subject of an auxiliary ("X, who …, has denied")', () => {
    expect(on('Costa, who was replaced')).toBe('costa');
  });

  it('leaves a sentence to the reporter when the words before its verb of saying hold no noun ("earlier than expected")', () => {
    expect(on('The Harbour Board has raised')).toBe('the reporter');
  });
});

describe('"the head of state" for the last person named', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  ]);
  /** Written for these tests: the host is told of by his office after being named. */
  const text = [
    'Jonas Weber hosted Ana Costa at the palace on Monday.',
    'Welcoming Costa, Weber pointed to the ferry links between the islands.',
    'Noting that trade has been low, the Head of State said the time was ripe to raise it.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads it as an office, as "the president" is read', () => {
    expect(on('Noting that trade has been low')).toBe('weber');
  });
});

describe('a body named with its state and its acronym', () => {
  const known = new Gazetteer([{ id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] }]);
  /** Written for these tests: each body is named with its state's possessive or an acronym in brackets. */
  const text = [
    'A storm hit the western coast on Sunday at 2:41 AM, Norway’s Meteorological Institute (MET) reported.',
    'According to the National Rescue Centre (NRC), two fishermen were missing.',
    'The storm delayed the budget talks by a week, the President’s Media Division said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('is the body by its own name, without the state it belongs to or the acronym', () => {
    expect(on('A storm hit')).toBe('Meteorological Institute');
    expect(on('According to the National Rescue Centre')).toBe('the National Rescue Centre');
  });

  it('keeps a possessor that is no place', () => {
    expect(on('The storm delayed')).toBe('the President’s Media Division');
  });
});

describe('a passive with a word between its auxiliary and its participle', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: nobody accuses, the sentence does. */
  const text = 'The Harbour Board is also accused of raising port fees twice in one winter.';
  const on = claimantOfClaimStarting(text, known);

  it('names no speaker ("is also accused")', () => {
    expect(on('The Harbour Board is also accused')).toBe('the reporter');
  });
});

describe('a pronoun before anyone the store knows is named', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: the only person named is one the store does not know. */
  const text = [
    'The interim Minister for Transport, Bernadette Lomas, is still hopeful a resolution can be found.',
    '"There is still room to move. There is still room to talk," she said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('stands for the last person named whom the store does not know', () => {
    expect(on('"There is still room')).toBe('Bernadette Lomas');
  });
});

describe("a person compromise does not know, named after a place's adjective and an office", () => {
  const known = new Gazetteer([{ id: 'mexico', name: 'Mexico', kind: 'STATE', aliases: [] }]);
  /** Written for these tests: the speaker's first name is in no English lexicon. */
  const text = [
    'Trade talks end in agreement',
    'Ministers from eleven countries reached agreement in talks on the trade deal on Thursday, Mexican Economy Minister Ildefonso Guajardo said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the saying to the full name the text gave, not to the state of the adjective', () => {
    expect(on('Ministers from eleven countries')).toBe('Ildefonso Guajardo');
  });
});

describe('a quotation over paragraphs, its speaker named where it closes', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: a press release's quotation, opened in one paragraph and closed in the next. */
  const text = [
    'The ferries run again',
    '“Today the islands have their ferries back. Every crew is at work again and the winter timetable holds.',
    'We thank the Harbour Board for the long nights of talks that made this possible,” said Transport Minister Ana Lomas.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives every paragraph of the quotation to that speaker, not the first to the author', () => {
    expect(on('“Today the islands')).toBe('Ana Lomas');
    expect(on('We thank the Harbour Board')).toBe('Ana Lomas');
  });
});

describe('a verb of saying in a clause of time or cause', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: the condemning and the warning are told by the reporter, not said by the sentence. */
  const text = [
    'The ferry company is eyeing its safety rules again, after the Harbour Board and the unions condemned the late sailings.',
    'Fares rose sharply in March, before the port authority warned of the cost of fuel.',
    'After the vote, the Harbour Board said the fares would hold.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the sentence to the reporter, not to "after …" or "before …"', () => {
    expect(on('The ferry company')).toBe('the reporter');
    expect(on('Fares rose sharply')).toBe('the reporter');
  });

  it('still gives the main clause to its speaker after such a clause', () => {
    expect(on('After the vote')).toBe('port');
  });
});

describe('an office in capitals and a name set beside it between commas', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: ['HB'] }]);
  /** Written for these tests: the holder's name on either side of the office, a comma between them. */
  const text = [
    'Ferry crews return to work',
    '"The ferries run again on Monday," Tomas Virtanen, HB Executive Director said.',
    '"Every crew is back at work and the timetable holds," said HB Secretary General, Maren Solheim.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the saying to the person named before the office, not to the body', () => {
    expect(on('"The ferries run again')).toBe('Tomas Virtanen');
  });

  it('gives the saying to the person named after the office, not to the office', () => {
    expect(on('"Every crew is back')).toBe('Maren Solheim');
  });
});

describe('a title compromise reads as part of a name', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: a title English knows as a common word, and one it does not know at all. */
  const text = [
    'Ferry strike ruled lawful',
    'Chief Justice Gertrude Lindqvist criticized the Harbour Board for withdrawing its case.',
    'Meanwhile, the fleet commander, Commodore Esala Vainu, says the crews may sail on Monday.',
    'Commodore Vainu has warned the Harbour Board to keep its tugs in port.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('leaves out words English knows as no name before a first name compromise knows', () => {
    expect(on('Chief Justice Gertrude')).toBe('Gertrude Lindqvist');
  });

  it('reads a word kept before the surname of a name given in full as a title', () => {
    expect(on('Commodore Vainu has warned')).toBe('Esala Vainu');
  });
});

describe('quotes in single marks', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: quotes in single marks, one with an apostrophe inside, after a sentence that names the speaker. */
  const text = [
    'The ferries run again',
    "The crews were back at work on Monday, Transport Secretary Ana Lomas said in a statement. 'Under the deal, the Harbour Board's tugs stay in port,' Lomas said. 'Fares will not rise this winter,' she added.",
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads the words in single marks as the quote and the name after them as its speaker', () => {
    expect(on("'Under the deal")).toBe('Ana Lomas');
    expect(on("'Fares will not rise")).toBe('Ana Lomas');
  });
});

describe('a person named before "of" and the body they belong to', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: ['HB'] }]);
  /** Written for these tests: the speaker is named with the body once, then by surname. */
  const text = [
    'Ferry crews return to work',
    'Chairman Tomas Virtanen of HB affirmed the crews would sail on Monday.',
    '“Every crew is back at work and the timetable holds,” said Virtanen.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives the saying to the person, not the body', () => {
    expect(on('Chairman Tomas Virtanen')).toBe('Tomas Virtanen');
  });

  it('gives a surname alone later to that person', () => {
    expect(on('“Every crew is back')).toBe('Tomas Virtanen');
  });
});

describe('a verb of saying in a clause of contrast', () => {
  /** Written for this test: the residents' words are theirs, the clause of contrast naming its own speaker. */
  const text = 'Crews cleared the fallen trees by noon, while residents told reporters that the bridge was still closed.';
  const on = claimantOfClaimStarting(text, new Gazetteer([]));

  it('gives the sentence to the subject of "while …", not to the reporter', () => {
    expect(on('Crews cleared')).toBe('residents');
  });
});

describe('a person the store does not know, named before "of" and a body it does not know', () => {
  /** Written for these tests: the speaker is named with a firm the store does not hold, then by surname. */
  const text = [
    '“The permits were never valid and the nets must come out,” Tevita Moala Rika of the Koro legal aid office said.',
    'The ruling could reach other villages, Rika said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, new Gazetteer([]));

  it('gives the quote to the person, not the whole phrase or the reporter', () => {
    expect(on('“The permits')).toBe('Tevita Moala Rika');
  });

  it('gives a surname alone later to that person', () => {
    expect(on('The ruling could')).toBe('Tevita Moala Rika');
  });
});

describe('a verb of saying that qualifies a noun', () => {
  const known = new Gazetteer([{ id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] }]);
  /** Written for these tests: "announced" and "stated" tell what the noun is, not who speaks. */
  const text = [
    'Ferry fares',
    "The new timetable, which was announced in March, marks a key step in Nordvik's stated plan for the islands.",
    'The fare rise, announced on Monday, covers every crossing to the islands.',
    '“Every crew is back at work,” said the Harbour Board, adding that fares would hold.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads a participle after a possessive or an article as an adjective, not a saying', () => {
    expect(on('The new timetable')).toBe('the reporter');
  });

  it('reads a participle set off by commas after its noun as a reduced relative clause, not a saying', () => {
    expect(on('The fare rise')).toBe('the reporter');
  });

  it('still reads a verb of saying after a quote, followed by its speaker, as the speaker’s', () => {
    expect(on('“Every crew')).toBe('port');
  });
});

describe('a verdict told with a that-clause', () => {
  /** Written for these tests: a tribunal's findings, and a finding of things that is no verdict. */
  const known = new Gazetteer([{ id: 'tribunal', name: 'Koro Land Tribunal', kind: 'ORGANIZATION', aliases: [] }]);
  const text = [
    'The Koro Land Tribunal found that the fishing permits had been issued without any consultation.',
    'The Koro Land Tribunal ruled that the nets must come out of the lagoon by March.',
    'Divers found the old nets on the reef near the village.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives what the tribunal "found that" and "ruled that" to the tribunal', () => {
    expect(on('The Koro Land Tribunal found')).toBe('tribunal');
    expect(on('The Koro Land Tribunal ruled')).toBe('tribunal');
  });

  it('leaves a finding of things, with no that-clause, to the reporter', () => {
    expect(on('Divers found')).toBe('the reporter');
  });
});

describe('police, a role new to the store, and acts that are no sayings', () => {
  const known = new Gazetteer([{ id: 'harbour', name: 'Nordvik', kind: 'PLACE', aliases: [] }]);
  /** Written for these tests: a storm in a harbour town, told as a wire report would. */
  const text = [
    'Storm toll rises',
    'Gales battered Nordvik on Tuesday where police say the number of missing boats could rise to 40.',
    '“We understand the frustration of boat owners,” police said in a statement.',
    'The chair of the Nordvik Harbour Trust, Ingrid Solheim, warned that repairs would take months.',
    '“The breakwater held, but the quays did not,” the chair said.',
    'Nordvik observed two minutes of silence for the crews lost at sea.',
    'Mayor Lars Eide, who declared a state of emergency, led a vigil at the harbour.',
    'The harbour trust rejected a complaint lodged by skipper Ola Berg regarding alleged "negligence" at the quays.',
    'Nordvik Lines (Nasdaq: NVL) said on Monday that it would add two ferries.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('reads "police", which compromise alone takes for a verb, as the speaker after a quote', () => {
    expect(on('“We understand')).toBe('police');
  });

  it('finds the speaker of a clause of place after "where"', () => {
    expect(on('Gales battered')).toBe('police');
  });

  it('gives "the chair" to the person new to the store who spoke last', () => {
    expect(on('“The breakwater')).toBe('Ingrid Solheim');
  });

  it('reads a participle after a preposition as qualifying its noun, not as a saying of the person before it', () => {
    expect(on('The harbour trust rejected')).toBe('the reporter');
  });

  it('reads a company’s ticker in brackets as no part of the speaker’s name', () => {
    expect(on('Nordvik Lines')).toBe('Nordvik Lines');
  });

  it('reads an observance and a declaration of an emergency as acts, not sayings', () => {
    expect(on('Nordvik observed')).toBe('the reporter');
    expect(on('Mayor Lars Eide')).toBe('the reporter');
  });
});

describe('a quote a colon opens after the person the sentence opens on', () => {
  /** Written for these tests: a transcript-like turn with an office set beside the name, and a verb of no saying. */
  const known = new Gazetteer([{ id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] }]);
  const text = [
    'According to the union, the ferries run again on Monday.',
    'Ana Costa, Minister of Transport: "We have been preparing this deal for a long time. I think it will hold."',
    'Rear Admiral Tevita Moala Rika, Chief of the Coast Guard, outlined the new patrols: “Every island gets a boat.”',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, known);

  it('gives a quote after "Name, office:" to that person', () => {
    expect(on('Ana Costa, Minister')).toBe('costa');
  });

  it('gives a quote after a clause of no saying and a colon to the person it opens on', () => {
    expect(on('Rear Admiral')).toBe('Tevita Moala Rika');
  });
});

describe('quotes printed in two single marks', () => {
  /** Written for these tests: a print page's quotes, their paragraph of quote after the speaker's own. */
  const text = [
    'Port officer Tevita Rika said the storm had passed the islands by the evening of Monday.',
    '‘‘The swell was larger than we usually see around the islands. It will ease by Friday.’’',
    '‘‘Every crew is back at work and the timetable holds again,’’ he said.',
  ].join('\n\n');
  const on = claimantOfClaimStarting(text, new Gazetteer([]));

  it('proposes a paragraph of quote closed by two marks, as the last speaker’s words', () => {
    expect(on('‘‘The swell')).toBe('Tevita Rika');
  });

  it('reads the speaker after a quote closed by two marks', () => {
    expect(on('‘‘Every crew')).toBe('Tevita Rika');
  });
});
