import { describe, expect, it } from 'vitest';

import { DatePrecision } from '../../core/dates/precision.js';
import { blocksOf } from '../../core/text/blocks.js';
import { Gazetteer } from './gazetteer.js';
import { type EventProposal, propose } from './propose.js';
import { seedArticleQuality } from './quality.js';

const gazetteer = new Gazetteer([
  { id: 'minister', name: 'Ana Costa', kind: 'PERSON', aliases: ['the minister'] },
  { id: 'port', name: 'Port Authority of Lisbon', kind: 'ORGANIZATION', aliases: ['the port authority'] },
  { id: 'lisbon', name: 'Lisbon', kind: 'PLACE', aliases: [] },
]);
const context = {
  gazetteer,
  publication: { date: '2023-05-17', precision: DatePrecision.DAY },
  eventTypes: new Set(['MEETING', 'VISIT', 'AGREEMENT', 'STATEMENT', 'OTHER']),
  authorLabel: 'the reporter',
};

/** A text the team wrote for these tests: each sentence exercises one pattern. */
const TEXT = [
  'Port deal signed',
  'Share.',
  'Ana Costa called the agreement “a turning point for the harbour”.',
  'According to a ministry official, the terminal will double its capacity.',
  'The port authority said the dredging had finished ahead of schedule.',
  'The new cranes may presumably arrive before the winter.',
  'Last week, Ana Costa visited the docks in Lisbon with engineers from Rotterdam Harbour Works.',
  'The two sides signed an agreement in March.',
  'Comments are closed.',
].join('\n\n');

describe('proposals from a text', () => {
  const { claims, events, names } = propose(TEXT, blocksOf(TEXT), context);
  const words = (span: { start: number; end: number }) => Array.from(TEXT).slice(span.start, span.end).join('');
  const claimOn = (start: string) => claims.find((c) => words(c.span).startsWith(start))!;

  it('reads direct quotes with their speaker, reported speech, hedges and the author’s own statements', () => {
    expect(claimOn('Ana Costa called')).toMatchObject({ attribution: 'DIRECT_QUOTE', claimantId: 'minister', modality: 'ASSERTED' });
    expect(claimOn('According to a ministry official')).toMatchObject({
      attribution: 'REPORTED_SPEECH',
      claimantId: null,
      claimantLabel: 'a ministry official',
      modality: 'EXPECTED',
    });
    expect(claimOn('The port authority said')).toMatchObject({ attribution: 'REPORTED_SPEECH', claimantId: 'port' });
    expect(claimOn('The new cranes')).toMatchObject({
      attribution: 'AUTHOR_ASSERTION',
      claimantLabel: 'the reporter',
      modality: 'SPECULATIVE',
    });
  });

  it('reads "is going to" as a claim about what is ahead, and "was going to" not', () => {
    const text = [
      'Rates',
      'The central bank is going to raise interest rates by 50 basis points.',
      'The bank was going to raise rates in May.',
    ].join('\n\n');
    expect(propose(text, blocksOf(text), context).claims.map((c) => c.modality)).toEqual(['EXPECTED', 'ASSERTED']);
  });

  it('reads "May" with a capital as the month, not a hedge', () => {
    const text = ['Dredging', 'The dredging, first reported by the port authority in May, finished ahead of schedule.'].join('\n\n');
    expect(propose(text, blocksOf(text), context).claims[0]).toMatchObject({ modality: 'ASSERTED' });
  });

  it('anchors every proposal on its words and proposes nothing from headlines or page furniture', () => {
    for (const claim of claims) expect(words(claim.span)).toBe(claim.text);
    expect(claims.some((c) => /Share|Comments|Port deal signed/.test(c.text))).toBe(false);
  });

  it('dates events at the precision their words give, against the publication date', () => {
    const visit = events.find((e) => e.timeExpression === 'Last week')!;
    expect(visit).toMatchObject({
      type: 'VISIT',
      start: { date: '2023-05-08', precision: 'WEEK' },
      placeId: 'lisbon',
      modality: 'OCCURRED',
    });
    expect(visit.participants).toEqual([{ entityId: 'minister', role: 'AGENT' }]);
    expect(events.find((e) => e.timeExpression === 'in March')).toMatchObject({
      type: 'AGREEMENT',
      start: { date: '2023-03-01', precision: 'MONTH' },
    });
    expect(claimOn('Last week').event).toBe(events.indexOf(visit));
  });

  it('takes the opening words of a name told before or known to the store for that name, not a new one', () => {
    const text = 'Ana Costa met the mayors at the Great Hall of the Harbour. At the Great Hall, the Port Authority spoke.';
    const names = propose(text, blocksOf(text), context).names.map((n) => n.name);
    expect(names).toEqual(['Great Hall of the Harbour']);
  });

  it('takes a hyphenated surname told alone for the person the text named in full, not a new name', () => {
    const text = 'The fleet was led by Commander Ingrid Solberg-Amadi. Solberg-Amadi said the crews were ready.';
    const names = propose(text, blocksOf(text), context).names.map((n) => n.name);
    expect(names).toEqual(['Ingrid Solberg-Amadi']);
  });

  it('holds an election named without its place in the place the text names most', () => {
    const text = 'Lisbon counted its votes. Ana Costa was declared the winner of last month’s election.';
    const withElections = { ...context, eventTypes: new Set([...context.eventTypes, 'ELECTION', 'SANCTIONS']) };
    const [election] = propose(text, blocksOf(text), withElections).events.filter((e) => e.type === 'ELECTION');
    expect(election?.participants.map((p) => p.entityId)).toContain('lisbon');
  });

  it('finds sanctions by any form of the verb and makes the state named after them, even as an adjective, take part', () => {
    const withStates = new Gazetteer([
      { id: 'board', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
      { id: 'kenya', name: 'Kenya', kind: 'PLACE', aliases: [] },
    ]);
    const text = 'The Harbour Board on Monday sanctioned three officials of the Kenyan government.';
    const withSanctions = { ...context, gazetteer: withStates, eventTypes: new Set([...context.eventTypes, 'SANCTIONS']) };
    const [sanctions] = propose(text, blocksOf(text), withSanctions).events.filter((e) => e.type === 'SANCTIONS');
    expect(sanctions?.participants.map((p) => p.entityId).sort()).toEqual(['board', 'kenya']);
  });

  it('makes a state named by its formal name take part, and not the place a dateline with its year was filed from', () => {
    const states = new Gazetteer([
      { id: 'ethiopia', name: 'Ethiopia', kind: 'PLACE', aliases: [] },
      { id: 'russia', name: 'Russia', kind: 'PLACE', aliases: ['Russian Federation'] },
      { id: 'addis', name: 'Addis Ababa', kind: 'PLACE', aliases: [] },
    ]);
    const text = [
      'MoU signed',
      'Addis Ababa, May 17, 2023 (FBC) -Ethiopia and the Russian Federation have signed a Memorandum of Understanding today.',
    ].join('\n\n');
    const [agreement] = propose(text, blocksOf(text), { ...context, gazetteer: states }).events;
    expect(agreement).toMatchObject({ type: 'AGREEMENT', start: { date: '2023-05-17', precision: 'DAY' } });
    expect(agreement!.participants.map((p) => p.entityId)).toEqual(['ethiopia', 'russia']);
  });

  it('proposes one election for a place and a week, however often it is named, and an ouster as a coup', () => {
    const egypt = new Gazetteer([
      { id: 'egypt', name: 'Egypt', kind: 'PLACE', aliases: [] },
      { id: 'sisi', name: 'Abdel Fattah al-Sisi', kind: 'PERSON', aliases: [] },
      { id: 'sabahi', name: 'Hamdeen Sabahi', kind: 'PERSON', aliases: [] },
      { id: 'morsi', name: 'Mohamed Morsi', kind: 'PERSON', aliases: [] },
    ]);
    const text = [
      'Complaint rejected',
      "Egypt's electoral commission rejected a complaint by Hamdeen Sabahi about last week's presidential vote.",
      "Abdel Fattah al-Sisi won 23.5 million votes in last week's presidential election in Egypt.",
      "The army drew up a roadmap for Egypt after Mohamed Morsi's ouster last July.",
    ].join('\n\n');
    const { events: told } = propose(text, blocksOf(text), {
      ...context,
      gazetteer: egypt,
      eventTypes: new Set([...context.eventTypes, 'ELECTION', 'COUP']),
    });
    const elections = told.filter((e) => e.type === 'ELECTION' && e.start.date === '2023-05-08');
    expect(elections).toHaveLength(1);
    expect(elections[0]!.participants.map((p) => p.entityId)).toEqual(expect.arrayContaining(['sisi', 'sabahi']));
    expect(told.find((e) => e.type === 'COUP')).toMatchObject({ start: { date: '2022-07-01', precision: 'MONTH' } });
  });

  it('gives the sentence before "This was reported by …" to the source it names, and proposes no claim of that sentence', () => {
    const text = [
      'Dock strike',
      'Dockers walked out at the port of Lisbon on Tuesday. This was reported by the port authority.',
      'Ferries ran late in the afternoon. This was reported by local media.',
    ].join('\n\n');
    const told = propose(text, blocksOf(text), context).claims;
    expect(told.map((c) => [c.attribution, c.claimantId, c.claimantLabel])).toEqual([
      ['REPORTED_SPEECH', 'port', null],
      ['REPORTED_SPEECH', null, 'local media'],
    ]);
  });

  it('proposes the names it does not know', () => {
    expect(names.map((n) => n.name)).toContain('Rotterdam Harbour Works');
    expect(names.map((n) => n.name)).not.toContain('Ana Costa');
  });

  it('proposes no name from a line that is only that name, nor from a dateline before its dash', () => {
    const page = [
      'Harbour Town',
      '',
      'Ferry deal signed',
      '',
      'Customs House, Lisbon, Tuesday 16 May 2023 – Ana Costa signed the ferry deal with Nordic Lines in Lisbon today.',
    ].join('\n');
    expect(propose(page, blocksOf(page), context).names.map((n) => n.name)).toEqual(['Nordic Lines']);
  });

  it('covers most of the hand-curated records of the seed article', () => {
    const quality = seedArticleQuality();
    expect(quality.claims.recall).toBeGreaterThanOrEqual(0.9);
    expect(quality.claims.precision).toBeGreaterThanOrEqual(0.7);
    expect(quality.events.recall).toBeGreaterThanOrEqual(0.6);
    expect(quality.events.precision).toBeGreaterThanOrEqual(0.6);
  });
});

describe('events in wire copy', () => {
  const wire = [
    'LISBON, May 17 (Nordic Wire) -- Ana Costa met the port authority’s board on Monday to discuss the strike.',
    'The meeting took place on May 15 at the harbour offices.',
    'Her trip to Lisbon follows the summit of both governments held in April.',
    'Jonas Weber was in Lisbon from May 8-10 at the invitation of Ana Costa.',
    'Ana Costa said she would meet the union in Porto on May 22.',
    'The two sides signed a ferry agreement during the visit, the port authority said.',
  ].join('\n\n');
  const { events } = propose(wire, blocksOf(wire), context);

  it('reads no happening into the dateline, types each date by the words nearest it, and dates "during the visit" by the visit', () => {
    expect(events.map((e) => [e.timeExpression, e.type, e.start.date, e.start.precision])).toEqual([
      ['on Monday', 'MEETING', '2023-05-15', 'DAY'],
      ['May 15', 'MEETING', '2023-05-15', 'DAY'],
      ['in April', 'MEETING', '2023-04-01', 'MONTH'],
      ['May 8-10', 'VISIT', '2023-05-08', 'DAY'],
      ['May 22', 'MEETING', '2023-05-22', 'DAY'],
      ['during the visit', 'AGREEMENT', '2023-05-08', 'DAY'],
    ]);
    expect(events.find((e) => e.timeExpression === 'May 22')!.modality).toBe('EXPECTED');
    expect(events.find((e) => e.timeExpression === 'during the visit')!.modality).toBe('OCCURRED');
  });

  it('types no dated sentence a meeting for approvals received or a stock exchange named', () => {
    const release = [
      'Having received all necessary approvals, the port authority today announces the purchase of two cranes.',
      'As of today, Rotterdam Harbour Works is no longer listed on the Lisbon Stock Exchange.',
    ].join('\n\n');
    expect(propose(release, blocksOf(release), context).events.filter((e) => e.type === 'MEETING')).toEqual([]);
  });

  it('dates what is still to be done "during the visit" by the visit, as expected', () => {
    const release = [
      'Jonas Weber was in Lisbon from May 8-10 at the invitation of Ana Costa.',
      'Two ferry agreements between the port authority and Jonas Weber are expected to be signed during the visit.',
    ].join('\n\n');
    const signing = propose(release, blocksOf(release), context).events.find((e) => e.timeExpression === 'during the visit')!;
    expect(signing).toMatchObject({ type: 'AGREEMENT', modality: 'EXPECTED', start: { date: '2023-05-08', precision: 'DAY' } });
  });

  it('proposes a happening a party is "on track to" do as expected, and its claim as expected', () => {
    const report = 'Ana Costa says the port authority is on track to sign a new dredging agreement with Rotterdam Harbour Works.';
    const { claims: said, events: told } = propose(report, blocksOf(report), context);
    expect(said[0]!.modality).toBe('EXPECTED');
    expect(told.find((e) => e.type === 'AGREEMENT')!.modality).toBe('EXPECTED');
  });

  it('gives "the meeting" the participants of the meeting named before it', () => {
    expect(events[1]!.participants).toEqual(events[0]!.participants);
    expect(events[1]!.participants.map((p) => p.entityId)).toContain('minister');
  });
});

describe('events as frames', () => {
  const frames = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: [] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    { id: 'oslo', name: 'Oslo', kind: 'PLACE', aliases: [] },
  ]);
  const text = [
    'Portugal and Norway have agreed to open a ferry line, the ministry said on Wednesday.',
    'Ana Costa, who is on a three-day visit, held talks with Jonas Weber in Oslo on Tuesday.',
    'Weber’s discussions with Costa also covered fishing quotas, and the two countries are expected to sign a fisheries agreement.',
  ].join('\n\n');
  const { events } = propose(text, blocksOf(text), { ...context, gazetteer: frames });

  it('finds happenings without a date of their own, dates them from the sentence or the week, and tells each once', () => {
    expect(events.map((e) => [e.type, e.start.date, e.start.precision, e.modality])).toEqual([
      ['MEETING', '2023-05-16', 'DAY', 'OCCURRED'],
      ['VISIT', '2023-05-15', 'WEEK', 'OCCURRED'],
      ['AGREEMENT', '2023-05-16', 'DAY', 'EXPECTED'],
    ]);
    expect(events[2]!.participants.map((p) => p.entityId)).toEqual(expect.arrayContaining(['portugal', 'norway']));
  });

  it('dates a happening told in the present perfect at the day of its saying, one told in the past at that day’s week', () => {
    const dated = (sentence: string) =>
      propose(sentence, blocksOf(sentence), { ...context, gazetteer: frames }).events.map((e) => [e.type, e.start.date, e.start.precision]);
    expect(dated('Portugal and Norway have signed a fisheries agreement, the ministry said on Tuesday.')).toEqual([
      ['AGREEMENT', '2023-05-16', 'DAY'],
    ]);
    expect(dated('Portugal and Norway signed a fisheries agreement, the ministry said on Tuesday.')).toEqual([
      ['AGREEMENT', '2023-05-15', 'WEEK'],
    ]);
  });

  it('reads a dateline whose place is written in capitalised words as the report’s, not as the date of what it tells', () => {
    const text = 'Oslo, May 17: Portugal and Norway on Tuesday signed a fisheries agreement.';
    expect(
      propose(text, blocksOf(text), { ...context, gazetteer: frames }).events.map((e) => [e.type, e.start.date, e.start.precision]),
    ).toEqual([['AGREEMENT', '2023-05-16', 'DAY']]);
  });

  it('dates a happening done with no date of its own at the day the story stands on, else the day of writing; one ahead at the week', () => {
    const done = 'Ana Costa signed a fisheries agreement with Jonas Weber in Oslo.';
    expect(
      propose(done, blocksOf(done), { ...context, gazetteer: frames }).events.map((e) => [e.type, e.start.date, e.start.precision]),
    ).toEqual([['AGREEMENT', '2023-05-17', 'DAY']]);
    const onMonday = 'Ana Costa opened the new terminal in Oslo on Monday.\n\nCosta signed a fisheries agreement with Jonas Weber.';
    expect(
      propose(onMonday, blocksOf(onMonday), { ...context, gazetteer: frames })
        .events.filter((e) => e.type === 'AGREEMENT')
        .map((e) => [e.type, e.start.date, e.start.precision]),
    ).toEqual([['AGREEMENT', '2023-05-15', 'DAY']]);
    const ahead = 'Ana Costa is expected to sign a fisheries agreement with Jonas Weber in Oslo.';
    expect(
      propose(ahead, blocksOf(ahead), { ...context, gazetteer: frames }).events.map((e) => [e.type, e.start.date, e.start.precision]),
    ).toEqual([['AGREEMENT', '2023-05-15', 'WEEK']]);
  });

  it('titles an event by who did what with whom, where', () => {
    expect(events[0]!.title).toBe('Ana Costa meets Jonas Weber in Oslo');
  });
});

describe('events by tense and reference', () => {
  const people = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    { id: 'oslo', name: 'Oslo', kind: 'PLACE', aliases: [] },
  ]);
  const text = [
    'Ana Costa has met Jonas Weber in Oslo, where the two agreed to open a ferry line.',
    'Costa also met fishing executives at a lunch hosted by the harbour board.',
    'It was Costa’s first visit to Norway since 2019, the ministry said.',
    'Fish exports rose by a tenth in March, the statistics office said.',
    'Costa will travel to Bergen tomorrow before returning to Lisbon.',
  ].join('\n\n');
  const { events } = propose(text, blocksOf(text), { ...context, gazetteer: people });

  it('dates what the present perfect tells on the publication day, "tomorrow" the day after, and nothing by "since"', () => {
    expect(events.map((e) => [e.type, e.start.date, e.start.precision, e.modality])).toEqual([
      ['MEETING', '2023-05-17', 'DAY', 'OCCURRED'],
      ['MEETING', '2023-05-17', 'DAY', 'OCCURRED'],
      ['VISIT', '2023-05-17', 'DAY', 'OCCURRED'],
      ['VISIT', '2023-05-18', 'DAY', 'EXPECTED'],
    ]);
  });

  it('keeps a happening told with "also" apart from the one before, and reads no event into a saying that closes a sentence', () => {
    expect(events[1]!.participants.map((p) => p.entityId)).toEqual(['costa']);
    expect(events.some((e) => e.type === 'STATEMENT')).toBe(false);
  });
});

describe('participants told by a pair or a body, and dates told by a clause of their own', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'league', name: 'Harbour League', kind: 'ORGANIZATION', aliases: [] },
    { id: 'oslo', name: 'Oslo', kind: 'PLACE', aliases: [] },
  ]);
  const text = [
    'Ana Costa arrived in Oslo on Monday to see Jonas Weber.',
    'On Tuesday, the two heads of government held discussions with Weber’s advisers.',
    'The Harbour League met in Oslo on Wednesday, at an extraordinary summit of the bloc’s mayors.',
    'Costa will travel to Bergen on Thursday before returning home on Saturday.',
    'It was her first visit since she took office in 2019.',
  ].join('\n\n');
  const { events } = propose(text, blocksOf(text), {
    ...context,
    gazetteer: known,
    eventTypes: new Set(['MEETING', 'VISIT', 'CONFERENCE']),
  });

  it('completes a pair with the two most named, and lets "the bloc" stand for the body named last', () => {
    const discussions = events.find((e) => e.start.date === '2023-05-16')!;
    expect(discussions.participants.map((p) => p.entityId)).toEqual(expect.arrayContaining(['costa', 'weber']));
    const summit = events.find((e) => e.type === 'CONFERENCE')!;
    expect(summit.participants.map((p) => p.entityId)).toContain('league');
  });

  it('proposes one visit for a sentence whose second date has no happening of its own, and none dated by a "since" clause', () => {
    expect(events.filter((e) => e.type === 'VISIT').map((e) => e.start.date)).toEqual(['2023-05-15', '2023-05-18']);
  });
});

describe('an event no frame names', () => {
  it('is titled by its own words, without the date that opens them or the attribution that closes them', () => {
    const page = 'At the beginning of September, the navy took part in the Atlantic exercises off Lisbon, officials said on Monday.';
    const { events } = propose(page, blocksOf(page), { ...context, eventTypes: new Set([...context.eventTypes, 'MILITARY_EXERCISE']) });
    expect(events.map((event) => event.title)).toEqual(['The navy took part in the Atlantic exercises off Lisbon']);
  });
});

describe('people named by the places they serve', () => {
  const known = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: ['Portuguese'] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: ['Norwegian'] },
    { id: 'uk', name: 'United Kingdom', kind: 'PLACE', aliases: ['UK', 'British'] },
  ]);
  const text = [
    'Portuguese Prime Minister Ana Costa arrived in Oslo on Monday.',
    'The prime ministers of Portugal and Norway held talks at the harbour on Tuesday.',
    'The prime ministers of Portugal and Norway signed a fisheries accord on Tuesday.',
    'Norwegian Foreign Minister Jonas Weber greeted the delegation at the airport.',
    'The top diplomats of the two countries met in Bergen on Wednesday.',
    'Norway and the UK signed a fisheries accord on May 11.',
  ].join('\n\n');
  const { events } = propose(text, blocksOf(text), {
    ...context,
    gazetteer: known,
    eventTypes: new Set(['MEETING', 'VISIT', 'AGREEMENT']),
  });
  const on = (type: string, date: string) =>
    events
      .find((e) => e.type === type && e.start.date === date)
      ?.participants.map((p) => p.entityId)
      .sort();

  it('makes the office holders, not their countries, the participants of a meeting, and the countries those of an agreement', () => {
    expect(on('AGREEMENT', '2023-05-16')).toEqual(['norway', 'portugal']);
    expect(on('MEETING', '2023-05-16')).toEqual(['costa']);
  });

  it('makes the states the story names most the parties to an agreement signed with one person named, memorandums included', () => {
    const page = [
      'Portuguese Prime Minister Ana Costa flew to Norway on Wednesday.',
      'Portugal and Norway share a long coast.',
      'Among the outcomes of her talks with Norwegian Foreign Minister Jonas Weber was the signing of four memorandums of understanding on Thursday.',
    ].join('\n\n');
    const signed = propose(page, blocksOf(page), {
      ...context,
      gazetteer: known,
      eventTypes: new Set(['MEETING', 'VISIT', 'AGREEMENT']),
    }).events.find((e) => e.type === 'AGREEMENT');
    expect(signed?.participants.map((p) => p.entityId).sort()).toEqual(['norway', 'portugal', 'weber']);
  });

  it('counts a place named by its short form ("the UK") as a party to an agreement', () => {
    expect(on('AGREEMENT', '2023-05-11')).toEqual(['norway', 'uk']);
  });

  it('dates state visits by the range that closes their clause', () => {
    const page = 'Ana Costa paid state visits to Norway and Portugal from May 2 to May 6.';
    const { events: visits } = propose(page, blocksOf(page), { ...context, gazetteer: known, eventTypes: new Set(['VISIT']) });
    expect(visits.map((e) => e.start)).toEqual([{ date: '2023-05-02', precision: 'DAY' }]);
  });

  it('reads "the top diplomats of the two countries" as the two people the text named most', () => {
    expect(on('MEETING', '2023-05-17')).toEqual(['costa', 'weber']);
  });
});

describe('events and dates, a second pass', () => {
  const people = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'lind', name: 'Eva Lind', kind: 'PERSON', aliases: ['Lind'] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    { id: 'oslo', name: 'Oslo', kind: 'PLACE', aliases: [] },
  ]);
  const read = (...sentences: string[]) => {
    const text = sentences.join('\n\n');
    return propose(text, blocksOf(text), {
      ...context,
      gazetteer: people,
      eventTypes: new Set([...context.eventTypes, 'ELECTION', 'SANCTIONS']),
    });
  };
  const shown = (e: EventProposal) => [
    e.type,
    e.start.date,
    e.start.precision,
    e.participants
      .map((p) => p.entityId)
      .sort()
      .join(' '),
  ];

  it('titles a conference by its name in the sentence, or by the words naming the gathering, not by the clause before its date', () => {
    const titles = (text: string) =>
      propose(text, blocksOf(text), { ...context, gazetteer: people, eventTypes: new Set(['CONFERENCE']) }).events.map((e) => e.title);
    expect(titles('“We leave with a plan,” Ana Costa said at the close of the 2023 Nordic Harbours Forum in Oslo.')).toEqual([
      'Ana Costa at the Nordic Harbours Forum in Oslo',
    ]);
    expect(titles('“We leave with a plan,” Ana Costa told reporters at the closing press conference in Oslo on Friday.')).toEqual([
      'Ana Costa at the closing press conference in Oslo',
    ]);
  });

  it('reads "He" opening a sentence as the person the sentence before was about, not the last one it named', () => {
    const { events } = read(
      'Ana Costa arrived in Oslo on Monday.',
      'She was received by Jonas Weber and Eva Lind.',
      'She is also due to meet Jonas Weber.',
    );
    expect(
      events
        .find((e) => e.modality === 'EXPECTED')!
        .participants.map((p) => p.entityId)
        .sort(),
    ).toEqual(['costa', 'weber']);
  });

  it('keeps the person a sentence was about for a later "She" across sentences about things', () => {
    const { events } = read(
      'Ana Costa arrived in Oslo on Monday ahead of her talks with Jonas Weber.',
      'The details of the talks are awaited.',
      'Officials said earlier that a Weber-Lind meeting was likely.',
      'She is also due to meet Eva Lind.',
    );
    expect(
      events
        .find((e) => e.modality === 'EXPECTED')!
        .participants.map((p) => p.entityId)
        .sort(),
    ).toEqual(['costa', 'lind']);
  });

  it('tells leaving a pact and the pact itself apart, each dated by its own words', () => {
    const { events } = read('Ties have cooled since Ana Costa withdrew last year from a 2019 fisheries pact with Norway.');
    expect(events.map(shown)).toEqual([
      ['OTHER', '2022-01-01', 'YEAR', 'costa norway'],
      ['AGREEMENT', '2019-01-01', 'YEAR', 'costa norway'],
    ]);
  });

  it('dates by a year written before them only the words for a happening: an earthquake and polls, not a budget', () => {
    const { events } = read(
      'Ana Costa recalled the 2011 earthquake in Oslo and the 2017 polls in Norway.',
      'Ana Costa praised the 2019 budget of Norway.',
    );
    expect(events.map((e) => [e.type, e.start.date, e.start.precision])).toEqual([
      ['OTHER', '2011-01-01', 'YEAR'],
      ['ELECTION', '2017-01-01', 'YEAR'],
    ]);
  });

  it('tells no happening again by a reference to it, and reads no statement into a saying closed by a participle', () => {
    const { events } = read(
      'Ana Costa held talks with Jonas Weber in Oslo on Monday.',
      'During the talks, Jonas Weber stressed the need for a ferry line.',
      'At least 40 ferries were counted by Monday evening, the ministry said on its website, marking a sharp rise.',
    );
    expect(events.map((e) => [e.type, e.start.date])).toEqual([['MEETING', '2023-05-15']]);
  });

  it('dates a happening told at the time of another by that one’s clause, and a count given on a day by no disaster', () => {
    const { events } = read(
      'Portugal and Norway have agreed to raise their ties, as Ana Costa and Jonas Weber met in Oslo on Monday.',
      'The death toll from the earthquake that hit Oslo rose to 60 people on Tuesday.',
    );
    expect(events.map((e) => [e.type, e.start.date])).toEqual([
      ['MEETING', '2023-05-15'],
      ['AGREEMENT', '2023-05-15'],
    ]);
  });

  it('reads no statement dated by what was said, and tells a happening once between states told again on its day', () => {
    const { events } = read(
      'Norway on Monday imposed sanctions on Ana Costa, the ministry said.',
      'The ministry said it was imposing sanctions on Costa for acting on behalf of Jonas Weber.',
      'Jonas Weber said that Norway will fund the ferries from next year.',
    );
    expect(events.map((e) => [e.type, e.start.date])).toEqual([['SANCTIONS', '2023-05-15']]);
  });

  it('reads a meeting named as someone’s with more parties named beside it as the one told, and keeps ahead what a reference dates', () => {
    const { events } = read(
      'Ana Costa on Monday held talks with Jonas Weber in Oslo.',
      'Norway is expected to sign agreements after the talks.',
      'Fishing in Norway and Oslo’s harbour fees are expected to figure in Costa’s talks with Weber.',
    );
    expect(events.map((e) => [e.type, e.start.date, e.modality])).toEqual([
      ['MEETING', '2023-05-15', 'OCCURRED'],
      ['AGREEMENT', '2023-05-15', 'EXPECTED'],
    ]);
  });

  it('reads a meeting named as someone’s after it was told as the same meeting, whatever its tense', () => {
    const { events } = read(
      'Ana Costa on Monday held talks with Jonas Weber.',
      'Fishing is expected to figure in Costa’s talks with Weber.',
    );
    expect(events.map((e) => [e.type, e.start.date, e.modality])).toEqual([['MEETING', '2023-05-15', 'OCCURRED']]);
  });

  it('proposes no name from capitals that open a quote and end at a full stop, and makes a ruling court take part in its ruling', () => {
    const courts = new Gazetteer([
      { id: 'court', name: 'Supreme Court of Norway', kind: 'ORGANIZATION', aliases: [] },
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
      { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    ]);
    const text = [
      '"Bem Vindo Senhor Presidente. Ana Costa arrived in Oslo today," the ministry tweeted.',
      "The Norway Supreme Court on Friday declared Ana Costa's election win invalid.",
      'The case was dubbed the "Ferry Petition."',
    ].join('\n\n');
    const { names, events } = propose(text, blocksOf(text), { ...context, gazetteer: courts });
    expect(names.map((n) => n.name)).toEqual(['Ferry Petition']);
    const ruling = events.find((e) => e.type === 'OTHER')!;
    expect(ruling.participants.map((p) => p.entityId).sort()).toEqual(['costa', 'court']);
  });

  it('makes a court that "found that" both the speaker of its finding and a participant of what it rules on', () => {
    const courts = new Gazetteer([
      { id: 'court', name: 'Supreme Court of Norway', kind: 'ORGANIZATION', aliases: [] },
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    ]);
    const text = 'On Friday the Supreme Court of Norway found that the police had arrested Ana Costa without cause.';
    const { claims, events } = propose(text, blocksOf(text), { ...context, gazetteer: courts });
    expect(claims[0]).toMatchObject({ attribution: 'REPORTED_SPEECH', claimantId: 'court' });
    expect(events.flatMap((e) => e.participants.map((p) => p.entityId))).toContain('court');
  });

  it('reads "the visiting dignitary" as the person on the story’s visit, and dates talks ahead in the week of writing, not by a past date', () => {
    const { events } = read(
      'Ana Costa arrived in Oslo on Monday on a three-day visit.',
      '"It follows the visit of Jonas Weber to Lisbon from October 30 - November 2, 2021," the ministry said.',
      'The visiting dignitary will also hold talks with Eva Lind.',
    );
    const talks = events.find((e) => e.type === 'MEETING')!;
    expect(talks.participants.map((p) => p.entityId).sort()).toEqual(['costa', 'lind']);
    expect([talks.start.date, talks.start.precision, talks.modality]).toEqual(['2023-05-15', 'WEEK', 'EXPECTED']);
  });

  it('reads happenings a dated quote tells: a summit attended by its group’s name, and a meeting "on that occasion" in the week of the range', () => {
    const summits = new Gazetteer([
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
      { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
      { id: 'g7', name: 'G7', kind: 'ORGANIZATION', aliases: [] },
      { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    ]);
    const text =
      '"It follows the visit of Ana Costa to Norway for the G7 from October 27 - October 29, 2021, and the fruitful bilateral meeting she had with Jonas Weber on that occasion," the ministry said.';
    const { events } = propose(text, blocksOf(text), {
      ...context,
      gazetteer: summits,
      eventTypes: new Set([...context.eventTypes, 'CONFERENCE']),
    });
    expect(events.map((e) => [e.type, e.start.date, e.start.precision])).toEqual([
      ['VISIT', '2021-10-27', 'DAY'],
      ['CONFERENCE', '2021-10-27', 'DAY'],
      ['MEETING', '2021-10-25', 'WEEK'],
    ]);
  });
});

describe('participants from the trigger’s clause', () => {
  const people = new Gazetteer([
    { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
    { id: 'lind', name: 'Eva Lind', kind: 'PERSON', aliases: ['Lind'] },
    { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
    { id: 'lisbon', name: 'Lisbon', kind: 'PLACE', aliases: [] },
    { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: [] },
  ]);
  const read = (...sentences: string[]) => {
    const text = sentences.join('\n\n');
    return propose(text, blocksOf(text), {
      ...context,
      gazetteer: people,
      eventTypes: new Set([...context.eventTypes, 'ELECTION', 'CONFERENCE']),
    });
  };
  const who = (e: EventProposal | undefined) => e?.participants.map((p) => p.entityId);

  it('makes "he" or "she" subject of the trigger’s own clause the person named before it, not the one the sentence before named last', () => {
    const { events } = read(
      'Eva Lind welcomed Ana Costa to Lisbon on Monday.',
      'Jonas Weber flew home as Costa began her tour in Porto on Tuesday, where she met the port’s engineers.',
    );
    expect(who(events.find((e) => e.type === 'MEETING'))).toEqual(['costa']);
  });

  it('proposes a person or body the store does not know as a participant by label, not a new place nor what the happening is about', () => {
    const { events, names } = read(
      'Ngozi Okafor met Ana Costa in Porto on Monday.',
      'The Harbour Workers Union signed an agreement on the Atlantic Fisheries Institute with Portugal on Tuesday.',
    );
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['Ngozi Okafor', 'Harbour Workers Union']));
    expect(events.find((e) => e.type === 'MEETING')?.participants).toEqual([
      { label: 'Ngozi Okafor', role: 'AGENT' },
      { entityId: 'costa', role: 'PARTICIPANT' },
    ]);
    expect(events.find((e) => e.type === 'MEETING')?.title).toMatch(/^Ngozi Okafor meets Ana Costa/);
    const agreement = events.find((e) => e.type === 'AGREEMENT');
    expect(agreement?.participants).toContainEqual({ label: 'Harbour Workers Union', role: 'AGENT' });
    expect(agreement?.participants.some((p) => p.label === 'Atlantic Fisheries Institute')).toBe(false);
  });

  it('takes no new name that ends as no name does as a participant: a time zone run into an article, a year', () => {
    const { events } = read('Harbour News 23 November, 2020 16:41 IST The union leader Ngozi Okafor met Ana Costa in Porto on Monday.');
    const labels = events.flatMap((e) => e.participants.map((p) => p.label).filter(Boolean));
    expect(labels).toContain('Ngozi Okafor');
    expect(labels).not.toContain('IST The');
    const { events: gathering } = read(
      'Ana Costa met the mayors on Monday, a year after their first talks at the mayor’s summer house, Quintarosa 2019.',
    );
    expect(gathering.flatMap((e) => e.participants.map((p) => p.label)).filter(Boolean)).not.toContain('Quintarosa 2019');
  });

  it('makes a state named by its dotted short form take part, not when a noun follows it, and reads no attack in "attack helicopters"', () => {
    const states = new Gazetteer([
      { id: 'us', name: 'United States', kind: 'PLACE', aliases: ['U.S.'] },
      { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: [] },
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: [] },
    ]);
    const text = [
      'Portugal and the U.S. also concluded defence deals worth $2 billion for six attack helicopters on Monday.',
      'The U.S. president will then meet Ana Costa in Lisbon.',
    ].join('\n\n');
    const { events } = propose(text, blocksOf(text), { ...context, gazetteer: states });
    expect(events.map((e) => [e.type, who(e)])).toEqual([
      ['AGREEMENT', ['portugal', 'us']],
      ['MEETING', ['costa']],
    ]);
  });

  it('makes an agreement two people signed one between the countries the story named most, not its city', () => {
    const states = new Gazetteer([
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: [] },
      { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: [] },
      { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: [] },
      { id: 'norway', name: 'Norway', kind: 'PLACE', aliases: [] },
      { id: 'oslo', name: 'Oslo', kind: 'PLACE', aliases: [] },
    ]);
    const text = [
      'Portugal and Norway held their first talks in a decade in Oslo on Monday.',
      'Ana Costa and Jonas Weber signed three agreements in Oslo on Monday.',
    ].join('\n\n');
    const { events } = propose(text, blocksOf(text), { ...context, gazetteer: states });
    expect(who(events.find((e) => e.type === 'AGREEMENT'))?.sort()).toEqual(['costa', 'norway', 'portugal', 'weber']);
  });

  it('dates an election in a clause of condition on the weekday ahead, held in the place it names', () => {
    const { events } = read('Jonas Weber promised swift measures if the election in Norway goes ahead on Sunday.');
    const election = events.find((e) => e.type === 'ELECTION')!;
    expect([election.start.date, election.start.precision, election.placeId]).toEqual(['2023-05-21', 'DAY', 'norway']);
    expect(who(election)).toContain('norway');
  });

  it('reads a formal declaration dated in its clause as a statement, and a date inside quoted words as dating no statement', () => {
    const { events } = read(
      'Jonas Weber declared the successful conclusion of the regional meeting on Friday.',
      '“Our message was clear this week,” Ana Costa said.',
    );
    const statements = events.filter((e) => e.type === 'STATEMENT');
    expect(statements.map((e) => [e.start.date, who(e)])).toEqual([['2023-05-12', ['weber']]]);
  });

  it('keeps the parties an event noun names "between X and Y" in the trigger’s clause, and drops the names of the clause before', () => {
    const { events } = read(
      'Jonas Weber flew home as Costa went to Lisbon, where she chaired talks between Portugal and Norway on Monday.',
    );
    expect(who(events.find((e) => e.type === 'MEETING'))).toEqual(['costa', 'portugal', 'norway']);
  });
});

describe('happenings of other kinds told in one story', () => {
  const bodies = new Gazetteer([
    { id: 'union', name: 'Dock Workers Union', kind: 'ORGANIZATION', aliases: ['the union'] },
    { id: 'port', name: 'Port Authority of Lisbon', kind: 'ORGANIZATION', aliases: ['the port authority'] },
  ]);
  const read = (...sentences: string[]) => {
    const text = sentences.join('\n\n');
    return propose(text, blocksOf(text), { ...context, gazetteer: bodies, eventTypes: new Set([...context.eventTypes, 'PROPOSAL']) });
  };

  it('keeps a strike apart from the barricade told before it, as both are OTHER happenings of their own', () => {
    const { events } = read(
      'The Dock Workers Union on Monday barricaded the gates of the Port Authority of Lisbon.',
      'The union had directed dockers to begin an indefinite strike over pay.',
    );
    expect(events.filter((e) => e.type === 'OTHER').map((e) => e.title.split(' ')[0])).toHaveLength(2);
  });

  it('tells one OTHER happening named again by its word as one', () => {
    const { events } = read(
      'The Dock Workers Union began a strike on Monday, the Port Authority of Lisbon said.',
      'The union said the strike would go on.',
      'Dockers joined the union’s strikes in Porto.',
    );
    expect(events.filter((e) => e.type === 'OTHER')).toHaveLength(1);
  });

  it('reads a body that has proposed something as a proposal', () => {
    const { events } = read('The port authority has proposed a new wage for dockers.');
    expect(events.map((e) => [e.type, e.participants.map((p) => p.entityId)])).toEqual([['PROPOSAL', ['port']]]);
  });
});

describe('a happening first told as a setting', () => {
  const read = (...sentences: string[]) => {
    const text = sentences.join('\n\n');
    return propose(text, blocksOf(text), context).events.filter((e) => e.type === 'MEETING');
  };

  it('proposes a meeting named as the setting of a saying when the text told none before', () => {
    expect(read('During her talks with the port authority, Ana Costa praised the new wharf in Lisbon.')).toHaveLength(1);
  });

  it('proposes no meeting for a setting whose pronoun owns it when nobody else is named in the sentence', () => {
    expect(read('During his talks with Ana Costa, the harbour master praised the new wharf in Lisbon.')).toHaveLength(0);
  });

  it('proposes no second meeting for a setting once the text has told one', () => {
    expect(
      read(
        'Ana Costa met the port authority in Lisbon on Monday to discuss the wharf.',
        'During her talks with the port authority, Ana Costa praised the new wharf in Lisbon.',
      ),
    ).toHaveLength(1);
  });
});

describe('a meeting whose only parties are states', () => {
  it('is a meeting of the two people the story has named most', () => {
    const leaders = new Gazetteer([
      { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: [] },
      { id: 'lima', name: 'Rui Lima', kind: 'PERSON', aliases: [] },
      { id: 'portugal', name: 'Portugal', kind: 'PLACE', aliases: [] },
      { id: 'spain', name: 'Spain', kind: 'PLACE', aliases: [] },
    ]);
    const text = [
      'Ana Costa arrived in Madrid on Monday, where Rui Lima welcomed her.',
      'Portugal and Spain held talks on Tuesday on the river.',
    ].join('\n\n');
    const { events } = propose(text, blocksOf(text), { ...context, gazetteer: leaders });
    expect(events.filter((e) => e.type === 'MEETING').map((e) => e.participants.map((p) => p.entityId).sort())).toEqual([
      ['costa', 'lima'],
    ]);
  });
});

describe('a happening dated inside a clause of "since"', () => {
  it('dates an election named by its day in a "since" clause', () => {
    const text = 'Ana Costa is in Lisbon, her first trip since winning the May 2 early municipal election in Lisbon.';
    const { events } = propose(text, blocksOf(text), { ...context, eventTypes: new Set([...context.eventTypes, 'ELECTION']) });
    expect(events.filter((e) => e.type === 'ELECTION').map((e) => e.start)).toEqual([{ date: '2023-05-02', precision: DatePrecision.DAY }]);
  });
});

describe("a body's decision", () => {
  it('is taken by the body named as its subject, or by the one named before with the same head noun, not reported by it', () => {
    const bodies = new Gazetteer([
      { id: 'tribunal', name: 'Maritime Tribunal of Lisbon', kind: 'ORGANIZATION', aliases: [] },
      { id: 'bank', name: 'Harbour Bank', kind: 'ORGANIZATION', aliases: [] },
    ]);
    const text = [
      'The Maritime Tribunal of Lisbon heard the ferry company on Monday.',
      'On Tuesday, the tribunal had dismissed the appeal of the ferry company.',
      'The Harbour Bank on Wednesday declared the fees unchanged at 2 per cent.',
    ].join('\n\n');
    const { events } = propose(text, blocksOf(text), { ...context, gazetteer: bodies });
    const others = events.filter((e) => e.type === 'OTHER').map((e) => [e.start.date, e.participants.map((p) => p.entityId)]);
    expect(others).toContainEqual(['2023-05-16', ['tribunal']]);
    expect(others).toContainEqual(['2023-05-17', ['bank']]);
  });
});

describe('a statement made at a press conference', () => {
  const statements = (text: string) =>
    propose(text, blocksOf(text), context)
      .events.filter((e) => e.type === 'STATEMENT')
      .map((e) => [e.start.date, e.participants.map((p) => p.entityId)]);

  it('is made by its speaker, named only by a pronoun, on the day of the story', () => {
    const text = [
      'Ana Costa opened the new terminal in Lisbon on Monday.',
      '“The harbour will double its capacity,” she said at a press conference.',
    ].join('\n\n');
    expect(statements(text)).toEqual([['2023-05-15', ['minister']]]);
  });

  it('is made by its speaker when a description the store does not know names them', () => {
    const text = [
      'Ana Costa opened the new terminal in Lisbon on Monday.',
      '“The harbour will double its capacity,” said the leftist leader during a press conference.',
    ].join('\n\n');
    expect(statements(text)).toEqual([['2023-05-15', ['minister']]]);
  });
});

describe('an act dated in its clause and told by a verb no lexicon entry names', () => {
  const others = (text: string) =>
    propose(text, blocksOf(text), context)
      .events.filter((e) => e.type === 'OTHER')
      .map((e) => [e.start.date, e.start.precision, e.participants.map((p) => p.entityId)]);

  it('is a happening of the general kind, done by the one named as its subject, on its date', () => {
    expect(others('The port authority closed the northern terminal on Monday.')).toEqual([['2023-05-15', DatePrecision.DAY, ['port']]]);
    expect(others('On Monday, Ana Costa dismantled the old cranes.')).toEqual([['2023-05-15', DatePrecision.DAY, ['minister']]]);
    expect(others('Ana Costa was questioned by the harbour police on Monday.')).toEqual([['2023-05-15', DatePrecision.DAY, ['minister']]]);
  });

  it('is none when nobody named acted, the verb says or is light, or the date belongs to another clause', () => {
    expect(others('Dockers closed the northern terminal on Monday.')).toEqual([]);
    expect(others('Ana Costa said on Monday the terminal was closed.')).toEqual([]);
    expect(others('Ana Costa became the head of the port authority in 2019.')).toEqual([]);
    expect(others('Ana Costa praised the terminal that opened in March.')).toEqual([]);
  });
});

describe('a saying given a day of its own', () => {
  const dated = (text: string) =>
    propose(text, blocksOf(text), context).events.map((e) => [e.type, e.start.date, e.start.precision, e.participants[0]?.entityId]);

  it('is the speaker’s statement on that day, beside the happening it reports', () => {
    expect(dated('Ana Costa will visit Rotterdam on Friday, the port authority said on Monday.')).toEqual([
      ['VISIT', '2023-05-19', DatePrecision.DAY, 'minister'],
      ['STATEMENT', '2023-05-15', DatePrecision.DAY, 'port'],
    ]);
    expect(dated('The port authority said on Monday that Ana Costa signed an agreement with Rotterdam on Friday.')).toContainEqual([
      'STATEMENT',
      '2023-05-15',
      DatePrecision.DAY,
      'port',
    ]);
  });

  it('is a person’s statement when announced, or when the sentence tells no happening but the saying', () => {
    expect(dated('Ana Costa announced on Monday that the terminal will close.')).toEqual([
      ['STATEMENT', '2023-05-15', DatePrecision.DAY, 'minister'],
    ]);
    expect(dated('Ana Costa said on Monday that the terminal will close.')).toEqual([
      ['STATEMENT', '2023-05-15', DatePrecision.DAY, 'minister'],
    ]);
    expect(dated('“We have reason to be cautious,” Ana Costa told the harbour radio on Monday.')).toEqual([
      ['STATEMENT', '2023-05-15', DatePrecision.DAY, 'minister'],
    ]);
    expect(dated('Ana Costa will visit Rotterdam on Friday, she said on Monday.').map(([type]) => type)).toEqual(['VISIT']);
  });

  it('is no statement when the day is ahead, no day, or nobody named said it', () => {
    const types = (text: string) => dated(text).map(([type]) => type);
    expect(types('Ana Costa will visit Rotterdam on Friday, officials said on Monday.')).toEqual(['VISIT']);
    expect(types('Ana Costa visited Rotterdam in March, the port authority said.')).toEqual(['VISIT']);
  });
});

describe('a happening the text says did not take place', () => {
  const types = (text: string) => propose(text, blocksOf(text), context).events.map((e) => e.type);

  it('is proposed neither as done nor as ahead, even beside a date', () => {
    expect(types('Ana Costa did not meet the port authority on Monday.')).toEqual([]);
    expect(types('Ana Costa and the port authority failed to reach a deal on Monday.')).toEqual([]);
    expect(types('Ana Costa declined to sign the agreement with the port authority on Monday.')).toEqual([]);
  });

  it('leaves the happening that did take place in the same sentence', () => {
    expect(types('No agreement was signed when Ana Costa met the port authority in Lisbon on Monday.')).toEqual(['MEETING']);
  });
});

describe('a dateline', () => {
  it('names where the report was filed from, not who took part in what it tells', () => {
    const states = new Gazetteer([
      { id: 'portugal', name: 'Portugal', kind: 'STATE', aliases: [] },
      { id: 'spain', name: 'Spain', kind: 'STATE', aliases: [] },
      { id: 'morocco', name: 'Morocco', kind: 'STATE', aliases: [] },
    ]);
    const text = 'RABAT, Morocco (Reuters) - Portugal and Spain signed an agreement on fishing rights on Thursday.';
    const { events } = propose(text, blocksOf(text), { ...context, gazetteer: states });
    expect(events.filter((e) => e.type === 'AGREEMENT').map((e) => e.participants.map((p) => p.entityId).sort())).toEqual([
      ['portugal', 'spain'],
    ]);
  });
});

describe('a body that reports what it did itself', () => {
  const known = new Gazetteer([
    { id: 'league', name: 'Harbour League', kind: 'ORGANIZATION', aliases: [] },
    { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  ]);
  /** Written for this test: the body is named in the reported words and speaks through "it" after them. */
  const text = [
    'The Harbour League issued a statement on its new rules on Tuesday.',
    'The Harbour League met Jonas Weber in Oslo on Monday, it said.',
  ].join('\n\n');
  const { events } = propose(text, blocksOf(text), { ...context, gazetteer: known, eventTypes: new Set(['MEETING', 'STATEMENT']) });

  it('keeps it among the participants of the happening it tells', () => {
    const meeting = events.find((e) => e.type === 'MEETING')!;
    expect(meeting.participants.map((p) => p.entityId)).toEqual(expect.arrayContaining(['league', 'weber']));
  });
});

describe('a crowd’s happening told with nobody named', () => {
  it('proposes protests and a strike with no participant, and still no meeting of nobody', () => {
    const text = [
      'Harbour unrest',
      'Protests against the dredging plan have been staged in towns across the region for days.',
      'The dockers have been on strike for a second week.',
      'They discussed the plan at length.',
    ].join('\n\n');
    const { events } = propose(text, blocksOf(text), context);
    const about = (start: string) => events.filter((e) => Array.from(text).slice(e.span.start, e.span.end).join('').startsWith(start));
    expect(about('Protests against')).toMatchObject([{ type: 'OTHER', participants: [] }]);
    expect(about('The dockers')).toMatchObject([{ type: 'OTHER', participants: [] }]);
    expect(about('They discussed')).toEqual([]);
  });
});
