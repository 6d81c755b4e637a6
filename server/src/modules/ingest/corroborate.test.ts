import { describe, expect, it } from 'vitest';

import { DatePrecision } from '../../core/dates/precision.js';
import { Attribution } from '../claims/claims.enums.js';
import {
  bestCorroboration,
  checkWorthiness,
  claimSimilarity,
  matchEvent,
  SAME_CLAIM,
  SAME_CLAIM_WITH_FIGURE,
  sameClaimBar,
  sameStory,
} from './corroborate.js';
import { Gazetteer } from './gazetteer.js';
import { acronymsIn, lexiconOf, readSpan, spansOf, termsOf } from './rewording.js';

/** Sentences the team wrote for these tests, on harbours and mayors: one pattern each. */
describe('across sources', () => {
  const claim = (text: string, claimantId: string | null = null, attribution = Attribution.AUTHOR_ASSERTION) => ({
    text,
    claimantId,
    claimantLabel: claimantId ? null : 'the author',
    attribution,
  });

  it('finds the same claim in other words, past the desk line, the frame of saying and a synonym', () => {
    const wire = 'PORTO (Wire) - The mayor said the two ports signed a dredging pact on Monday.';
    const paper = 'According to the mayor, the ports signed an agreement on dredging on Monday.';
    expect(claimSimilarity(wire, paper)).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity(wire, 'The governor opened a new bridge over the river on Monday.')).toBeLessThan(SAME_CLAIM);
  });

  const gazetteer = new Gazetteer([
    { id: 'ferreira', name: 'Ana Ferreira', kind: 'PERSON', aliases: [] },
    { id: 'porto', name: 'Porto', kind: 'PLACE', aliases: [] },
    { id: 'vigo', name: 'Vigo', kind: 'PLACE', aliases: [] },
  ]);
  const lexicon = lexiconOf(['Porto and Vigo signed the Coastal Dredging Accord (CDA) on Monday.'], gazetteer);

  it('reads an acronym the text spells out as the name it stands for, and as its head noun', () => {
    expect(acronymsIn('the Coastal Dredging Accord (CDA) and two Memoranda of Understanding (MoUs)')).toEqual(
      new Map([
        ['CDA', ['coastal', 'dredging', 'accord']],
        ['MoU', ['memoranda', 'of', 'understanding']],
      ]),
    );
    const short = 'The CDA must be ratified by the Porto council.';
    expect(claimSimilarity(short, 'The Coastal Dredging Accord must be ratified by the Porto council.', lexicon)).toBe(1);
    expect(claimSimilarity(short, 'The accord still needs ratification by the council of Porto.', lexicon)).toBeGreaterThanOrEqual(
      SAME_CLAIM,
    );
    expect(claimSimilarity(short, 'The accord still needs ratification by the council of Porto.')).toBeLessThan(SAME_CLAIM);
  });

  it("takes a known person's surname, and the name with its title, as one term", () => {
    const terms = (text: string) => termsOf(text, lexicon).map((t) => [...t.keys]);
    expect(terms('Mayor Ana Ferreira opened the ferry terminal.')).toEqual(terms('Ferreira opened the ferry terminal.'));
    expect(terms('Ms Ferreira opened the ferry terminal.')).toEqual(terms('Ferreira opened the ferry terminal.'));
  });

  it('finds a claim folded into a longer stored sentence, but not one the proposal only sets its scene with', () => {
    expect(
      spansOf('Mayor Ana Ferreira, currently on a three-day trip to Lisbon, opened the harbour museum, saying it would stay open.'),
    ).toEqual({
      main: 'Mayor Ana Ferreira opened the harbour museum',
      claims: ['Mayor Ana Ferreira opened the harbour museum', 'currently on a three-day trip to Lisbon', 'saying it would stay open.'],
      clauses: ['Mayor Ana Ferreira', 'currently on a three-day trip to Lisbon', 'opened the harbour museum', 'saying it would stay open.'],
    });
    const folded = 'The mayor opened the container terminal on Friday, which doubles the capacity of the port, as the governor watched.';
    expect(claimSimilarity('The new container terminal doubles the capacity of the port.', folded)).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(
      claimSimilarity(
        'The ports agreed to share their pilots as Mayor Ana Ferreira and the governor met in Porto.',
        'Ana Ferreira meets the governor in Porto.',
        lexicon,
      ),
    ).toBeLessThan(SAME_CLAIM);
    expect(
      claimSimilarity(
        'Mayor Ana Ferreira, currently on a three-day trip to Lisbon, opened the harbour museum.',
        'Ferreira opened the harbour museum in Lisbon on Tuesday.',
        lexicon,
      ),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
  });

  it('joins news synonyms and verb forms, and drops the weekday one outlet dates by and another does not', () => {
    expect(
      claimSimilarity(
        'The mayor said the city was ready to give the fishermen a new quay.',
        'According to the mayor, the city is willing to offer the fishermen a new quay.',
      ),
    ).toBe(1);
    expect(
      claimSimilarity(
        'Porto and Vigo agreed on Tuesday to deepen the channel.',
        'Vigo and Porto have agreed to deepen the channel.',
        lexicon,
      ),
    ).toBe(1);
  });

  it('keeps apart sentences naming different places or people, known to the store or not', () => {
    const vigo = "It was the mayor's first visit to Vigo this year.";
    expect(claimSimilarity(vigo, 'It was the first visit by a mayor to Vigo this year.', lexicon)).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity(vigo, 'It was the first visit to Porto by a mayor this year.', lexicon)).toBe(0);
    expect(claimSimilarity(vigo, 'It was the first visit to Lisbon by a mayor this year.', lexicon)).toBe(0);
  });

  it('counts signing and agreements in full only between sentences sharing two names or more', () => {
    const scene = 'at the old customs house by the quay at dawn.';
    const named = `The agreement was signed in Porto by Ana Ferreira and the Vigo mayor, with the governor watching from the steps.`;
    expect(claimSimilarity(`Ana Ferreira and the mayor of Vigo signed the pact ${scene}`, named, lexicon)).toBeGreaterThanOrEqual(
      SAME_CLAIM,
    );
    const unnamed = 'The agreement was signed in the port by the deputy and the city mayor, with the governor watching from the steps.';
    expect(claimSimilarity(`The deputy and the mayor of the city signed the pact ${scene}`, unnamed, lexicon)).toBeLessThan(SAME_CLAIM);
  });

  it('keeps apart a claim and its denial, opposite directions, and months that differ', () => {
    const approved = 'The harbour council approved the dredging plan for the northern quay.';
    expect(
      claimSimilarity(approved, 'The harbour council approved the dredging plan for the northern quay last week.'),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity(approved, 'The harbour council did not approve the dredging plan for the northern quay.')).toBe(0);
    expect(claimSimilarity(approved, 'The harbour council rejected the dredging plan for the northern quay.')).toBe(0);
    expect(
      claimSimilarity('Cargo traffic through the northern quay rose sharply.', 'Cargo traffic through the northern quay fell sharply.'),
    ).toBe(0);
    expect(claimSimilarity('The new ferry line to the islands opens in March.', 'The new ferry line to the islands opens in May.')).toBe(0);
  });

  it('keeps apart claims whose figures differ, however many words they share', () => {
    expect(
      claimSimilarity(
        'Trade between the ports reached 300 million euros last year.',
        'Trade between the ports reached 450 million euros last year.',
      ),
    ).toBe(0);
  });

  it('takes a name said at the start of one sentence and inside the other as one name, not two', () => {
    const board = 'The Harbour Board raised the berth fee by 5 euros for ships from Lisbon.';
    const busy = 'The busy port of the north saw its Harbour Board raise the berth fee by 5 euros for ships.';
    expect(claimSimilarity(board, busy)).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity(board, 'The busy port of the north saw its Customs Office raise the berth fee by 5 euros for ships.')).toBe(0);
  });

  it('reads a month however abbreviated, a percentage however written, and an irregular verb by its infinitive', () => {
    expect(
      claimSimilarity('The harbour fee rose to 6.5 percent on November 16.', 'The harbour fee rose to 6.5% on Nov. 16.'),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    const keys = (text: string) => termsOf(text).flatMap((t) => [...t.keys]);
    expect(keys('fees of 6.5% or 4 per cent')).toEqual(keys('fees of 6.5 percent or 4 percent'));
    expect(keys('kept held taken met fell')).toEqual(keys('keep hold take meet fall'));
    expect(keys('open need')).toEqual(['open', 'need']);
  });

  it("drops a dateline's place, outlet and date before the report", () => {
    expect(termsOf('Faro (Coast Wire, October 26) – The harbour board raised the berth fee.').flatMap((t) => [...t.keys])).toEqual(
      termsOf('The harbour board raised the berth fee.').flatMap((t) => [...t.keys]),
    );
  });

  it('reads a count from three up spelled out as its figure, not a count that makes an adjective', () => {
    expect(
      claimSimilarity(
        'The dockers want back the five per cent cut in wages imposed by the port this year.',
        'The port imposed a 5% cut in the wages of dockers this year.',
      ),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect([...readSpan('a five per cent cut').numbers]).toEqual(['quantity 5']);
    expect([...readSpan('a four-day visit by two mayors').numbers]).toEqual([]);
  });

  it('lets a denial reach no further than the clause of condition or cause after it', () => {
    const strike = 'The dockers will not go back to work until the port restores the wages it cut by 5 per cent in March.';
    expect(claimSimilarity('The dockers want the port to restore the wages it cut by 5 per cent in March.', strike)).toBeGreaterThanOrEqual(
      SAME_CLAIM,
    );
    expect(
      claimSimilarity(
        'The dockers will go back to work at the port on the northern quay.',
        'The dockers will not go back to work at the port on the northern quay.',
      ),
    ).toBe(0);
  });

  it('keeps apart two sentences each naming a known person the other does not, whatever people they share', () => {
    const people = new Gazetteer([
      { id: 'ferreira', name: 'Ana Ferreira', kind: 'PERSON', aliases: [] },
      { id: 'costa', name: 'Rui Costa', kind: 'PERSON', aliases: [] },
      { id: 'silva', name: 'Joana Silva', kind: 'PERSON', aliases: [] },
      { id: 'porto', name: 'Porto', kind: 'PLACE', aliases: [] },
    ]);
    const met = 'Ana Ferreira met Rui Costa at the harbour office in Porto on Friday.';
    const withPeople = lexiconOf([], people);
    expect(claimSimilarity(met, 'Ana Ferreira met Joana Silva at the harbour office in Porto on Friday.', withPeople)).toBe(0);
    expect(claimSimilarity(met, 'Ana Ferreira held talks at the harbour office in Porto on Friday.', withPeople)).toBeGreaterThanOrEqual(
      SAME_CLAIM,
    );
  });

  it('compares a year with years, a day with days and a count with counts: figures of different kinds do not disagree', () => {
    expect(
      claimSimilarity(
        'The harbour master of Porto met the mayor of Vigo at the 2024 Atlantic ports forum held in Faro.',
        'The harbour master of Porto met the mayor of Vigo on March 28th at the ports forum in Faro.',
      ),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(
      claimSimilarity(
        'The harbour master of Porto met the mayor of Vigo at the 2024 Atlantic ports forum held in Faro.',
        'The harbour master of Porto met the mayor of Vigo at the 2023 Atlantic ports forum held in Faro.',
      ),
    ).toBe(0);
  });

  it('compares each sentence of a quote kept whole as one claim', () => {
    const quote =
      '"We heard the fishermen, the ferry crews, the harbour pilots and the fish traders at three long and difficult public meetings in the town hall this winter. The new quay will open to their boats in spring, before the tourist season," the mayor said.';
    expect(
      claimSimilarity('The mayor said the new quay would open to the boats in spring, before the tourist season.', quote),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(spansOf('"We heard Mr. Costa. The quay will open," she said.').clauses).toContain('The quay will open," she said.');
    expect(spansOf('"We heard Mr. Costa. The quay will open," she said.').clauses).not.toContain('Costa.');
  });

  it('asks fewer words in common of two claims naming one count, ordinal or day, not of two naming one year', () => {
    const memoranda = 'among them memoranda on customs, pilots, fishing quotas and ferry timetables.';
    const signed = claim('Porto and Vigo signed 13 cooperation treaties on port logistics this afternoon.');
    const willSign = claim(`Vigo will sign 13 agreements with Porto, ${memoranda}`);
    expect(claimSimilarity(signed.text, willSign.text)).toBeLessThan(SAME_CLAIM);
    expect(sameClaimBar(signed.text, willSign.text)).toBe(SAME_CLAIM_WITH_FIGURE);
    expect(bestCorroboration(signed, [willSign])).not.toBeNull();
    const inYear = claim('Porto and Vigo signed cooperation treaties on port logistics in 2024.');
    const willSignInYear = claim(`Vigo will sign agreements with Porto in 2024, ${memoranda}`);
    expect(sameClaimBar(inYear.text, willSignInYear.text)).toBe(SAME_CLAIM);
    expect(bestCorroboration(inYear, [willSignInYear])).toBeNull();
  });

  it('reads what a scene-setting clause reports someone saying as claimed, with officials and authorities, deaths and the dead, as one', () => {
    const storm = 'Divers kept searching the harbour on Thursday as authorities said the number of deaths had risen to 31.';
    expect(spansOf(storm).claims).toContain('as authorities said the number of deaths had risen to 31.');
    expect(claimSimilarity(storm, 'The death toll from the storm in the harbour has risen to 31, officials say.')).toBeGreaterThanOrEqual(
      SAME_CLAIM,
    );
    expect(
      claimSimilarity('The storm killed 12 dockers and two pilots.', 'Officials say 12 dockers and two pilots died.'),
    ).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity('The storm killed 12 dockers and two pilots.', 'Officials say 14 dockers and two pilots died.')).toBe(0);
  });

  it('offers a stored claim only when the claimant fits: the same one, or one side naming none', () => {
    const said = claim('The harbour will be dredged to fourteen metres by the spring.', 'mayor', Attribution.REPORTED_SPEECH);
    const stored = [
      claim('The harbour is to be dredged to fourteen metres by the spring, officials said.', 'governor', Attribution.REPORTED_SPEECH),
    ];
    expect(bestCorroboration(said, stored)).toBeNull();
    const unnamed = { ...stored[0]!, claimantId: null };
    expect(bestCorroboration(said, [unnamed])?.claim).toBe(unnamed);
  });

  it('matches a happening told again, and says when the new date is finer and inside the stored one', () => {
    const stored = {
      type: 'MEETING',
      modality: 'OCCURRED',
      participants: ['mayor', 'governor'],
      start: { date: '2023-11-13', precision: DatePrecision.WEEK },
    };
    const day = { ...stored, participants: ['mayor'], start: { date: '2023-11-14', precision: DatePrecision.DAY } };
    expect(matchEvent(day, stored)).toEqual({ raisesPrecision: true });
    expect(matchEvent({ ...day, start: { date: '2023-11-21', precision: DatePrecision.DAY } }, stored)).toBeNull();
    expect(matchEvent({ ...day, type: 'VISIT' }, stored)).toBeNull();
    expect(matchEvent({ ...day, participants: ['harbour master'] }, stored)).toBeNull();
    expect(matchEvent(stored, day)).toEqual({ raisesPrecision: false });
  });

  it('takes a visit told on another of its days, by the same people, as the stay told before; not a meeting, nor a visit to another host', () => {
    const arrival = {
      type: 'VISIT',
      modality: 'OCCURRED',
      participants: ['mayor', 'governor'],
      start: { date: '2023-11-13', precision: DatePrecision.DAY },
    };
    const secondDay = { ...arrival, start: { date: '2023-11-14', precision: DatePrecision.DAY } };
    expect(matchEvent(secondDay, arrival)).toEqual({ raisesPrecision: false });
    expect(matchEvent({ ...secondDay, start: { date: '2023-11-21', precision: DatePrecision.DAY } }, arrival)).toBeNull();
    expect(matchEvent({ ...secondDay, participants: ['mayor', 'harbour master'] }, arrival)).toBeNull();
    expect(matchEvent({ ...secondDay, type: 'MEETING' }, { ...arrival, type: 'MEETING' })).toBeNull();
    expect(matchEvent({ ...secondDay, type: 'AGREEMENT' }, arrival)).toBeNull();
  });

  it('groups sources sharing names and dates within days, not those weeks apart', () => {
    const first = { entityIds: new Set(['mayor', 'governor', 'porto']), dates: [{ date: '2023-11-16', precision: DatePrecision.DAY }] };
    const second = { entityIds: new Set(['mayor', 'governor']), dates: [{ date: '2023-11-20', precision: DatePrecision.DAY }] };
    expect(sameStory(first, second, 0)).toBe(true);
    expect(sameStory(first, { ...second, dates: [{ date: '2023-12-20', precision: DatePrecision.DAY }] }, 0)).toBe(false);
    expect(sameStory(first, { ...second, entityIds: new Set(['mayor']) }, 0)).toBe(false);
    expect(sameStory(first, { ...second, entityIds: new Set(['mayor']) }, 1)).toBe(true);
    expect(sameStory(first, { ...second, dates: [{ date: '2023-11-01', precision: DatePrecision.MONTH }] }, 0)).toBe(false);
  });

  it('ranks a named speaker with figures, dates and comparisons above a scene, and credits last', () => {
    const quote = checkWorthiness(
      claim('"Traffic through the port grew by 12 percent in March, more than ever," the mayor said.', 'mayor', Attribution.DIRECT_QUOTE),
    );
    const scene = checkWorthiness(claim('Children waved flags along the quay as the ferry left.'));
    const credit = checkWorthiness(claim('Reporting by Ana Silva; editing by Tom Hale.'));
    expect(quote).toBeGreaterThan(scene);
    expect(scene).toBeGreaterThan(credit);
    expect(quote).toBeLessThanOrEqual(1);
  });
});
