import { describe, expect, it } from 'vitest';
import { Gazetteer, unknownNamesIn } from './gazetteer.js';

const putin = { id: 'p', name: 'Vladimir Putin', kind: 'PERSON', aliases: ['Putin', 'President Vladimir Putin'] };
const mah = { id: 'm', name: 'Min Aung Hlaing', kind: 'PERSON', aliases: ['coup leader', 'the putschist'] };
const myanmar = { id: 'mm', name: 'Myanmar', kind: 'STATE', aliases: ['Burma'] };
const gazetteer = new Gazetteer([putin, mah, myanmar]);

describe('the gazetteer', () => {
  it('finds names and aliases, the longest first, possessives included, lower-case aliases in any case', () => {
    const mentions = gazetteer.mentionsIn('In return, the putschist praised President Vladimir Putin, and Myanmar’s coup leader smiled at Putin.');
    expect(mentions.map((m) => [m.entity.id, m.surface])).toEqual([
      ['m', 'the putschist'],
      ['p', 'President Vladimir Putin'],
      ['mm', 'Myanmar'],
      ['m', 'coup leader'],
      ['p', 'Putin'],
    ]);
  });

  it('does not match a capitalised name inside another word or in the wrong case', () => {
    expect(gazetteer.mentionsIn('Putinism and the myanmar question')).toEqual([]);
  });

  it('proposes runs of capitalised words that name no known entity', () => {
    const sentence = 'Min Aung Hlaing attended the Eastern Economic Forum with Russian Foreign Minister Sergei Lavrov in September.';
    const names = unknownNamesIn(sentence, gazetteer.mentionsIn(sentence)).map((n) => n.name);
    expect(names).toEqual(['Eastern Economic Forum', 'Russian Foreign Minister Sergei Lavrov']);
  });
});
