import { describe, expect, it } from 'vitest';

import { datesSaying, framesIn, pairIn, pastActs } from './frames.js';
import { triggersIn } from './lexicon.js';

/** Sentences the team wrote for these tests, one pattern each. */
describe('event frames', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('finds happenings by the words that name them, wherever they stand', () => {
    expect(types('The mayor, who is on a two-day visit, met the governor of the province.')).toEqual(['VISIT', 'MEETING']);
    expect(types('The two ports signed a memorandum of understanding on dredging.')).toEqual(['AGREEMENT']);
    expect(types('The bloc imposed sanctions on the junta, which seized power in a coup.')).toEqual(['SANCTIONS', 'COUP']);
    expect(types('Both mayors attended the Harbour Cities Summit in Porto.')).toEqual(['CONFERENCE']);
  });

  it('finds a court ruling, a disaster, signed documents, ties agreed to be raised, an arrival at a named place and an address to the nation', () => {
    expect(types('The High Court on Monday annulled the mayoral election.')).toEqual(['OTHER', 'ELECTION']);
    expect(types("The court declared the governor's election win invalid.")).toEqual(['OTHER']);
    expect(types('A 5.8-magnitude quake struck the coast on Friday.')).toEqual(['OTHER']);
    expect(types('The two ports signed 12 cooperation documents.')).toEqual(['AGREEMENT']);
    expect(types('The two cities have agreed to elevate their partnership.')).toEqual(['AGREEMENT']);
    expect(types('The mayor, who left on an official visit, has arrived at Porto Airport.')).toEqual(['VISIT']);
    expect(framesIn('The mayor, who left on an official visit, has arrived at Porto Airport.')[0]!.perfect).toBe(true);
    expect(types('The mayor arrived at a decision.')).toEqual([]);
    expect(types('The governor addressed the nation on the harbour.')).toEqual(['STATEMENT']);
  });

  it('takes a reception on arrival for the visit it opens, and a reception by a host for a meeting', () => {
    expect(types('Upon his arrival, the mayor was formally received by the deputy governor.')).toEqual([]);
    expect(types('The mayor was received at the airport by the deputy governor.')).toEqual([]);
    expect(types('The mayor was received by Governor Ana Costa.')).toEqual(['MEETING']);
  });

  it('takes no thing received for a meeting, in any tense', () => {
    expect(types('The port received all necessary approvals from the ministry.')).toEqual([]);
    expect(types('The port has received the latest dredging permits.')).toEqual([]);
    expect(types('Governor Costa received the visiting mayor at her office.')).toEqual(['MEETING']);
  });

  it('leaves out settings, happenings told before, invitations and regular talks', () => {
    expect(types('The mayor spoke during the harbour summit in Porto.')).toEqual([]);
    expect(types('The mayor praised the talks.')).toEqual([]);
    expect(types('The mayor invited the governor to visit the port.')).toEqual([]);
    expect(types('The cities agreed to hold annual talks.')).toEqual([]);
    expect(types('The mayor stressed the importance of signing a memorandum on dredging.')).toEqual([]);
  });

  it('finds a call or a conversation with someone named as a meeting, but not a welcome received or talks as a means', () => {
    expect(types('The mayor spoke this evening with Governor Ana Costa.')).toEqual(['MEETING']);
    expect(types('The mayor paid a courtesy call on the governor at her residence.')).toEqual(['MEETING']);
    expect(types('The mayor spoke with reporters after the vote.')).toEqual([]);
    expect(types('The mayor received a warm welcome at the port.')).toEqual([]);
    expect(types('The mayor stressed resolving the dispute through talks at the official level.')).toEqual([]);
  });

  it('tells talks with a group the text describes and does not name as a happening of their own', () => {
    expect(framesIn('During the tour, the mayor held talks with the leaders of the three ports.')[0]!.withGroup).toBe(true);
    expect(framesIn('The mayor held talks with Governor Ana Costa.')[0]!.withGroup).toBe(false);
  });

  it('tells a happening ahead, under way, or done in the past tense', () => {
    const [visit] = framesIn('The governor will visit the port next spring.');
    expect(visit).toMatchObject({ type: 'VISIT', expected: true, ongoing: false });
    const [trip] = framesIn('The mayor, who is on a three-day trip, spoke to reporters.');
    expect(trip).toMatchObject({ type: 'VISIT', expected: false, ongoing: true });
    expect(framesIn('The two ports signed an agreement.')[0]!.pastVerb).toBe(true);
  });

  it('reads arrivals as visits, accords and joint statements as agreements, and a summit of a body’s members as a conference', () => {
    expect(types('The mayor arrived in Porto on Sunday evening.')).toEqual(['VISIT']);
    expect(types('The governor will travel to Bergen before returning home.')).toEqual(['VISIT']);
    expect(types('The two cities reached an accord on ferries in April.')).toEqual(['AGREEMENT']);
    expect(types('The mayors also signed a joint statement.')).toEqual(['AGREEMENT']);
    expect(types('The decision was taken at an extraordinary summit of the league’s mayors.')).toEqual(['CONFERENCE']);
  });

  it('tells a happening named anew from one told before: an indefinite setting, a definite one with its complement', () => {
    expect(types('The ports signed three memoranda during an official visit by the mayor to Porto.')).toEqual(['AGREEMENT', 'VISIT']);
    expect(types('The mayor witnessed the signing of memoranda on dredging.')).toEqual(['AGREEMENT']);
    expect(types('The visit saw the signing of four memorandums of understanding on ferries.')).toEqual(['AGREEMENT']);
    expect(types('The mayor witnessed the signing.')).toEqual([]);
  });

  it('marks a happening told in the present perfect, and another of its kind told with "also"', () => {
    expect(framesIn('The mayor has met the governor in Porto.')[0]).toMatchObject({ type: 'MEETING', perfect: true, also: false });
    expect(framesIn('The mayor also met fishermen at a lunch.')[0]).toMatchObject({ type: 'MEETING', perfect: false, also: true });
  });

  it('marks a happening whose clause has its verb in the present perfect, before or after the happening’s words', () => {
    expect(framesIn('The dockers have voted overwhelmingly in favour of strike action.')[0]).toMatchObject({
      type: 'OTHER',
      perfect: true,
    });
    expect(framesIn('The mayor’s talks with the governor have ended in Porto.')[0]).toMatchObject({ type: 'MEETING', perfect: true });
    expect(framesIn('The council has imposed targeted sanctions on the port’s owners.')[0]).toMatchObject({
      type: 'SANCTIONS',
      perfect: true,
    });
    expect(framesIn('The dockers voted in favour of strike action.')[0]).toMatchObject({ type: 'OTHER', perfect: false });
    expect(framesIn('The dockers have agreed to hold talks with the mayor.')[0]).toMatchObject({ type: 'MEETING', perfect: false });
    expect(framesIn('The mayor has said that the ports signed an agreement.')[0]).toMatchObject({ type: 'AGREEMENT', perfect: false });
  });

  it('knows a saying’s day and a pair named earlier', () => {
    const sentence = 'The ports signed an agreement, the city council said on Tuesday.';
    expect(datesSaying(sentence, sentence.indexOf('on Tuesday'))).toBe(true);
    expect(datesSaying('The ports signed an agreement on Tuesday.', 30)).toBe(false);
    expect(pairIn('The two countries set up relations in 1990.')).toBe('PLACE');
    expect(pairIn('Both leaders shook hands.')).toBe('PERSON');
    expect(pairIn('The mayor shook hands.')).toBeNull();
    expect(pairIn('The two heads of government held discussions.')).toBe('PERSON');
    expect(pairIn('Both prime ministers expressed satisfaction.')).toBe('PERSON');
  });
});

describe('frames of background and announced happenings', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('finds leaving a pact as a happening of its own, and not leaving a room', () => {
    expect(types('The city withdrew last year from a regional water pact.')).toEqual(['OTHER']);
    expect(types('The mayor pulled out of the ferry agreement with Porto.')).toEqual(['OTHER']);
    expect(types('The mayor withdrew from the room.')).toEqual([]);
  });

  it('finds a meeting ahead with someone named, and none in meeting a demand', () => {
    expect(framesIn('The mayor is also due to meet Governor Ana Costa.')[0]).toMatchObject({ type: 'MEETING', expected: true });
    expect(framesIn('The mayor will meet his Spanish counterpart in Vigo.')[0]).toMatchObject({ type: 'MEETING', expected: true });
    expect(types('The port struggles to meet growing demand.')).toEqual([]);
  });

  it('finds acts of force as happenings, and an election annulled or challenged as one held before', () => {
    expect(types('Several attacks on ferries have raised fears in the bay.')).toEqual(['OTHER']);
    expect(types('The navy called off air strikes on the port.')).toEqual(['OTHER']);
    expect(types('The court was the first to annul a mayoral election.')).toEqual([]);
    expect(types('Mayoral elections have been challenged in court.')).toEqual([]);
    expect(types('The town will hold a mayoral election in May.')).toEqual(['ELECTION']);
  });

  it("reads a court's acts by their verb: a ruling, a conviction, an extradition allowed; not a court ruling something out", () => {
    expect(types('The Supreme Court of Norway has ruled on the wind farms.')).toEqual(['OTHER']);
    expect(types('The Constitutional Council overturned the decree on Thursday.')).toEqual(['OTHER']);
    expect(types('A district court convicted the former mayor on Monday.')).toEqual(['OTHER']);
    expect(types('Earlier this month a judge authorized the extradition of the former governor.')).toEqual(['OTHER']);
    expect(types('The top court has backed the extradition of the former governor.')).toEqual(['OTHER']);
    expect(types('The court ruled out any delay.')).toEqual([]);
    expect(types('The mayor backed the harbour plan.')).toEqual([]);
  });

  it('reads clashes, riots, rallies, floods, strikes gone on and what broke out; not a rally of prices', () => {
    expect(types('Police and protesters clashed in the capital on Sunday.')).toEqual(['OTHER']);
    expect(types('Riots erupted in the port after the verdict.')).toEqual(['OTHER']);
    expect(types('The opposition held a rally in the capital.')).toEqual(['OTHER']);
    expect(types('Floods swept the province on Friday.')).toEqual(['OTHER']);
    expect(types('Nurses went on strike on July 25.')).toEqual(['OTHER']);
    expect(types('Dockers walked off their jobs at midnight.')).toEqual(['OTHER']);
    expect(types('A fire broke out at the harbour market.')).toEqual(['OTHER']);
    expect(types('The rally in oil prices continued.')).toEqual([]);
    expect(types('The two ministers clashed over the budget.')).toEqual([]);
  });

  it('finds a ruling told with an indefinite article, and none in the ruling told before', () => {
    expect(types('Four years ago, the port saw a landmark ruling on dredging.')).toEqual(['OTHER']);
    expect(types('The mayor disagreed with the ruling.')).toEqual([]);
  });

  it('tells a happening named as someone’s, and none at the end of a meeting told before', () => {
    expect(framesIn('Fishing is expected to figure in Costa’s talks with Weber.')[0]).toMatchObject({ type: 'MEETING', possessive: true });
    expect(framesIn('Costa held talks with Weber.')[0]).toMatchObject({ type: 'MEETING', possessive: false });
    expect(types('At the end of the official meeting, both sides signed a memorandum.')).toEqual(['AGREEMENT']);
  });
});

describe('happenings found by the lemma of their trigger', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('reads every inflection of a verb as one entry', () => {
    expect(types('The harbour board sanctioned three trawler owners.')).toEqual(['SANCTIONS']);
    expect(types('The harbour board is sanctioning three trawler owners.')).toEqual(['SANCTIONS']);
    expect(types('The harbour board sanctions three trawler owners.')).toEqual(['SANCTIONS']);
    expect(triggersIn('The harbour board sanctioned three owners.').map((t) => t.lemma)).toEqual(['sanction']);
  });

  it('reads a ban or a suspension of someone as sanctions, in any form', () => {
    expect(types('The rowing federation has banned the harbour club’s coach for two years.')).toEqual(['SANCTIONS']);
    expect(types('The league on Friday suspended the membership of the Porto Dock Club.')).toEqual(['SANCTIONS']);
    expect(types('The row led to a suspension by the league.')).toEqual(['SANCTIONS']);
    expect(types('The club’s ban from the regatta ends in May.')).toEqual(['SANCTIONS']);
  });

  it('reads a verb the regexes never listed, once it is in the lexicon', () => {
    expect(types('Mayor Costa also conferred with Governor Ana Weber on dredging.')).toEqual(['MEETING']);
    expect(types('Mayor Costa discussed with Governor Ana Weber the state of the quays.')).toEqual(['MEETING']);
    expect(types('The fleet landed in Porto late on Sunday.')).toEqual(['VISIT']);
    expect(types('The two ports concluded a dredging deal worth $3 million.')).toEqual(['AGREEMENT']);
  });

  it('reads the general happenings of news ontologies, and a wreath only when laid', () => {
    expect(types('Dock workers took part in a protest in Porto on Monday.')).toEqual(['OTHER']);
    expect(types('The mayor attended the harbour day parade on Friday.')).toEqual(['OTHER']);
    expect(types('The air crash in Faro last week killed six.')).toEqual(['OTHER']);
    expect(types('Mayor Costa later laid a wreath at the memorial.')).toEqual(['OTHER']);
    expect(types('The shop sold a wreath of laurel.')).toEqual([]);
    expect(types('The leaders released a communiqué on Friday.')).toEqual(['STATEMENT']);
  });

  it('reads a noun trigger whatever part of speech the tagger gives it', () => {
    expect(types('Mayor Costa held delegation-level talks with Governor Weber.')).toEqual(['MEETING']);
    expect(types('It was their first face-to-face meeting.')).toEqual(['MEETING']);
    expect(types('The board announced fresh sanctions on the fleet.')).toEqual(['SANCTIONS']);
  });

  it('reads a gathering as a conference when the verb before it holds or attends it', () => {
    expect(types('The port cities held a summit on Thursday.')).toEqual(['CONFERENCE']);
    expect(types('The mayor will attend a press conference at the town hall.')).toEqual(['CONFERENCE']);
    expect(types('A press conference was a bore.')).toEqual([]);
    expect(types('Mayor Costa speaks at the opening night of the Harbour Week.')).toEqual(['STATEMENT']);
  });

  it('needs what an entry asks to follow its word, and takes no participle before a name for a happening', () => {
    expect(types('The fleet arrived at a decision on Monday.')).toEqual([]);
    expect(types('The port will meet growing demand.')).toEqual([]);
    expect(types('The mayor will meet Governor Weber.')).toEqual(['MEETING']);
    expect(types('The port will build a quay and meet Portuguese demand.')).toEqual([]);
    expect(types('The harbour master meets Spanish counterpart in Vigo')).toEqual(['MEETING']);
    expect(types('Mayor Costa greeted visiting Governor Ana Weber.')).toEqual([]);
  });
});

describe('happenings named by a body and ended pacts', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('reads a meeting with a name of its own in capitals as a conference, and a lower-case meeting as a meeting', () => {
    expect(types('The ministers attended the Harbour Cities Foreign Ministers Meeting in Porto.')).toEqual(['CONFERENCE']);
    expect(types("The mayors closed the Harbour Cities Leaders' Meeting in Porto.")).toEqual(['CONFERENCE']);
    expect(types('The mayor had a meeting with Governor Ana Costa in Porto.')).toEqual(['MEETING']);
  });

  it('finds ending a pact as a happening of its own, and not ending a session', () => {
    expect(types('The port authority has elected to terminate its dredging agreement with the city.')).toEqual(['OTHER']);
    expect(types('The governor cancelled the harbour treaty.')).toEqual(['OTHER']);
    expect(types('The mayor terminated the session early.')).toEqual([]);
  });

  it('reads strikes, barricades, hearings and appointments as happenings, and no strike in striking a deal', () => {
    expect(types('The dockers began an indefinite strike on Monday.')).toEqual(['OTHER']);
    expect(types('The two ports struck a deal on dredging.')).toEqual(['AGREEMENT']);
    expect(types('Dockers barricaded the gates of the port.')).toEqual(['OTHER']);
    expect(types('The court held an earlier hearing on the harbour poll.')).toEqual(['OTHER']);
    expect(types('The mayor congratulated Costa on her appointment as harbour master.')).toEqual(['OTHER']);
    expect(types('The port authority has proposed a new wage for dockers.')).toEqual(['PROPOSAL']);
  });

  it('reads a participle after a preposition of time as a happening, and none before a name', () => {
    expect(triggersIn('After landing in Porto late on Sunday, the mayor met the governor.').map((t) => t.type)).toEqual([
      'VISIT',
      'MEETING',
    ]);
    expect(triggersIn('The mayor met visiting Governor Ana Weber.').map((t) => t.type)).toEqual(['MEETING']);
  });

  it('reads a gathering named after "at this" as the setting of what the sentence tells', () => {
    expect(types('The mayor will join the governors at this eagerly awaited two-day summit.')).toEqual([]);
    expect(types('The mayor will join the governors at a two-day summit.')).toEqual(['MEETING']);
  });

  it('marks a setting named as someone\'s or with no article as one that may be told for the first time, and not one named with "the"', () => {
    expect(framesIn('During his talks with the governor, the mayor praised the harbour.').map((f) => [f.type, f.setting])).toEqual([
      ['MEETING', true],
    ]);
    expect(framesIn('The port reopened after talks with the governor.').map((f) => [f.type, f.setting])).toEqual([['MEETING', true]]);
    expect(types('During the talks with the governor, the mayor praised the harbour.')).toEqual([]);
  });
});

describe("a body's decisions", () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('reads a decision whose subject is a body, past a time, an adverb, an auxiliary and a bracketed acronym', () => {
    expect(types('The Harbour Bank (HB) on Monday decided to keep its fees unchanged at 2 per cent.')).toEqual(['OTHER']);
    expect(types('The harbour board last raised its fees in March.')).toEqual(['OTHER']);
    expect(types('On Friday, the tribunal had dismissed the appeal of the ferry company.')).toEqual(['OTHER']);
    expect(framesIn('On Friday, the tribunal had dismissed the appeal of the ferry company.')[0]!.body).toBe('the tribunal');
  });

  it('reads no decision when a person, a title or a pronoun chose, or a concern was raised', () => {
    expect(types('The mayor decided to keep the fees unchanged.')).toEqual([]);
    expect(types('Ana Costa approved the plan for the docks.')).toEqual([]);
    expect(types('He kept the fees unchanged.')).toEqual([]);
    expect(types('The harbour board raised concerns about the dredging.')).toEqual([]);
  });
});

describe('statements made at a press conference and joint texts issued', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('reads a saying at a press conference or a briefing as a statement, and no statement at one attended or held jointly', () => {
    expect(types('“The quay will reopen,” the mayor said at a press conference in Porto.')).toEqual(['STATEMENT']);
    expect(types('The governor confirmed the decision at the closing press conference.')).toEqual(['STATEMENT']);
    expect(types('As the harbour master said in a briefing, the fees will rise.')).toEqual(['STATEMENT']);
    expect(types('The two mayors attend a news conference in Porto.')).toEqual(['CONFERENCE']);
    expect(types('The governor said in his speech during a joint press conference with the mayor that the quay would reopen.')).toEqual([]);
  });

  it('reads a saying made in a statement as a statement, and none where the statement only speaks or is not said in', () => {
    expect(types('The port authority said in a written statement that the quay would reopen.')).toEqual(['STATEMENT']);
    expect(types('In a statement on Monday, the harbour board said the fees would rise.')).toEqual(['STATEMENT']);
    expect(types('The statement said the quay would reopen.')).toEqual([]);
    expect(types('The quay was named in a statement of works.')).toEqual([]);
  });

  it('reads an announcement told in the passive, with whoever made it, as a statement', () => {
    expect(types('The announcement was made by Mayor Ana Costa before she left for the docks.')).toEqual(['STATEMENT']);
    expect(types('The closure, announced by the harbour board, takes effect next week.')).toEqual(['STATEMENT']);
    expect(types('The harbour board announced by letter that the fees would rise.')).toEqual([]);
  });

  it('reads a joint text issued, released or speaking as a statement, and one signed as an agreement', () => {
    expect(types('A joint communique issued at the end of the meeting by the two mayors said the quay would reopen.')).toEqual([
      'STATEMENT',
    ]);
    expect(types('The harbour summit closed with the release of the Mayors’ Communiqué, after two days of talks.')).toContain('STATEMENT');
    expect(types('“We reaffirm our cooperation”, a joint statement from the mayors says.')).toEqual(['STATEMENT']);
    expect(types('The two mayors signed a joint declaration on the harbour.')).toEqual(['AGREEMENT']);
    expect(types('The statement said the quay would reopen.')).toEqual([]);
  });
});

describe('acts told by their verb in the past', () => {
  const acts = (sentence: string) => pastActs(sentence).map((a) => [a.words, a.subject.text]);

  it('reads a verb in the simple past or the present perfect with a subject of its own, whatever the verb', () => {
    expect(acts('On Monday, the two ports dredged the channel.')).toEqual([['dredged', 'the two ports']]);
    expect(acts('The Harbour Bank has closed the terminal.')).toEqual([['has closed', 'The Harbour Bank']]);
  });

  it('reads an act in the past passive, its subject the one it was done to', () => {
    expect(acts('Ana Costa was questioned by the harbour police on Monday.')).toEqual([['was questioned', 'Ana Costa']]);
  });

  it('reads no act in a saying, a light verb, a negation or the future', () => {
    expect(acts('The mayor said on Monday the channel was deep.')).toEqual([]);
    expect(acts('The mayor became the head of the board in 2019.')).toEqual([]);
    expect(acts('The port did not close the terminal.')).toEqual([]);
    expect(acts('The port will close the terminal on Monday.')).toEqual([]);
  });

  it('gives each act the stretch up to its neighbouring verbs, past a noun compromise reads as a verb', () => {
    const sentence = 'On Monday, the three Nordic states—Norland and Sudland—closed the canal that opened in March.';
    const [closed] = pastActs(sentence);
    expect(closed!.words).toBe('closed');
    expect(closed!.reach.start).toBe(0);
    expect(sentence.slice(closed!.reach.start, closed!.reach.end)).not.toContain('March');
  });
});

describe('happenings the text says did not take place', () => {
  const types = (sentence: string) => framesIn(sentence).map((f) => f.type);

  it('reads no happening after a negation or "without", nor one a negative verb phrase tells of its subject', () => {
    expect(types('The two mayors did not meet on Tuesday.')).toEqual([]);
    expect(types('The harbour board has never signed the accord.')).toEqual([]);
    expect(types('No agreement was signed when the two mayors met in Porto.')).toEqual(['MEETING']);
    expect(types('Talks between the two ports ended without an agreement.')).toEqual(['MEETING']);
    expect(types('Observers said elections were not free and fair.')).toEqual(['ELECTION']);
    expect(types('The accord was not signed.')).toEqual([]);
  });

  it('reads no happening that someone failed, refused or declined to do, or called off', () => {
    expect(types('The two ports failed to reach a deal on dredging.')).toEqual([]);
    expect(types('The mayor declined to sign the memorandum.')).toEqual([]);
    expect(types('The mayor refused to attend the summit in Porto.')).toEqual([]);
    expect(types('The mayor called off her visit to Porto.')).toEqual([]);
  });

  it('still reads a happening told with "not only"', () => {
    expect(types('The mayor not only met the governor but also signed a memorandum.')).toEqual(['MEETING', 'AGREEMENT']);
  });
});
