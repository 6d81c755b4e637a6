import { describe, expect, it } from 'vitest';

import { Gazetteer } from './gazetteer.js';
import { Offices } from './offices.js';

const gazetteer = new Gazetteer([
  { id: 'ana', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  { id: 'jonas', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  { id: 'pt', name: 'Portugal', kind: 'PLACE', aliases: [] },
  { id: 'de', name: 'Germany', kind: 'PLACE', aliases: ['German'] },
  { id: 'office', name: "President's Press Office", kind: 'ORGANIZATION', aliases: [] },
]);

/** Reads sentences in order, as the proposer does, and returns whom each sentence's descriptions stand for. */
function read(sentences: string[]): string[][] {
  const offices = new Offices();
  return sentences.map((sentence) => {
    const mentions = gazetteer.mentionsIn(sentence);
    const described = offices.resolve(sentence, mentions);
    offices.learn(sentence, mentions);
    return described.map((d) => `${d.surface} = ${d.entity.id}`);
  });
}

describe('offices', () => {
  it('reads a description as the person the text titled so, by the place that qualified the title, else the most titled', () => {
    expect(
      read([
        'Portuguese President Ana Costa met the President of Germany, Jonas Weber, in Lisbon.',
        'President Costa thanked her hosts.',
        'The German President had invited her last year.',
        'The President and her delegation flew home on Friday.',
        "According to the President's Press Office, the visit went well.",
        'The Prime Minister of Portugal stayed at home.',
      ]),
    ).toEqual([[], [], ['The German President = jonas'], ['The President = ana'], [], []]);
  });
});

describe('an office after a possessive', () => {
  it('reads "the Harbour States\' President Ana Costa" as a president, so "The President" later is her', () => {
    expect(
      read(["The deal came as a relief, the Harbour States' President Ana Costa said.", 'The President addressed the nation on Monday.']),
    ).toEqual([[], ['The President = ana']]);
  });
});

describe('a title broken off by punctuation, and a title set after the name', () => {
  it('reads "Wire - President of Portugal Ana Costa" as a president, not a "Wire President"', () => {
    expect(
      read([
        'Lisbon. March 8. Wire - President of Portugal Ana Costa met German President Jonas Weber.',
        '“We agree,” said the president.',
      ]),
    ).toEqual([[], ['the president = ana']]);
  });

  it('learns "Jonas Weber, Crown Prince of Germany" as a crown prince of Germany, and no title from a list of names', () => {
    expect(
      read([
        'Ana Costa, Crown Prince of Germany, met Jonas Weber, Portuguese President Costa and others.',
        'The Germany’s Crown Prince spoke first.',
      ]),
    ).toEqual([[], ['The Germany’s Crown Prince = ana']]);
  });
});
