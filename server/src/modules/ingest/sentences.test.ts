import { describe, expect, it } from 'vitest';

import { blocksOf } from '../../core/text/blocks.js';
import { quotationsOverParagraphs, sentencesOf } from './sentences.js';

const slice = (text: string, s: { start: number; end: number }) => Array.from(text).slice(s.start, s.end).join('');

describe('sentences', () => {
  it('splits the body into sentences with code-point positions that hold their words', () => {
    const text =
      'Title 𝒜\n\nPutin called Myanmar “our partner”. He said so. Share.\n\nShare.\n\nLt. Gen. Soe Win met V. Putin in St. Petersburg. China, which does not. always appoints him, said nothing.';
    const sentences = sentencesOf(text, blocksOf(text));
    expect(sentences.map((s) => s.text)).toEqual([
      'Title 𝒜',
      'Putin called Myanmar “our partner”.',
      'He said so.',
      'Share.',
      'Lt. Gen. Soe Win met V. Putin in St. Petersburg.',
      'China, which does not. always appoints him, said nothing.',
    ]);
    for (const sentence of sentences) expect(slice(text, sentence)).toBe(sentence.text);
  });

  it('does not end a sentence at initials before a name, but does before a word that opens one', () => {
    const text = 'Chief Justice D.Y. Chandrachud spoke first. Talks began at the U.N. The court sat late.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'Chief Justice D.Y. Chandrachud spoke first.',
      'Talks began at the U.N.',
      'The court sat late.',
    ]);
  });

  it('goes on past "a.m." or "p.m." before a time zone or a day, and ends there before anything else', () => {
    const text =
      'Workers went on strike Friday at 12:01 a.m. ET, according to the union. The call starts at 5:00 p.m. Eastern Time on Monday. ' +
      'The offer opens at 9:30 a.m. Finnish time. Polls closed at 8 p.m. Tuesday. The count began at 9 p.m. Officials said it went well.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'Workers went on strike Friday at 12:01 a.m. ET, according to the union.',
      'The call starts at 5:00 p.m. Eastern Time on Monday.',
      'The offer opens at 9:30 a.m. Finnish time.',
      'Polls closed at 8 p.m. Tuesday.',
      'The count began at 9 p.m.',
      'Officials said it went well.',
    ]);
  });

  it('ends a sentence before a quote opened with a single mark', () => {
    const text = "The ferries run again. 'Every crew is back at work,' Lomas said. 'The timetable holds,' she added.";
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'The ferries run again.',
      "'Every crew is back at work,' Lomas said.",
      "'The timetable holds,' she added.",
    ]);
  });

  it('ends a sentence before and after a quote in two single marks', () => {
    const text = 'The ferries were late by a day. ‘‘Every crew is back at work.’’ ‘‘The timetable holds,’’ Lomas said.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'The ferries were late by a day.',
      '‘‘Every crew is back at work.’’',
      '‘‘The timetable holds,’’ Lomas said.',
    ]);
  });

  it('keeps a quote of several sentences whole, with its speaker', () => {
    const text = '“Not yet. We have just said hello,” Putin told RT. "It is suitable. We do not rule it out," he said. He left.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      '“Not yet. We have just said hello,” Putin told RT.',
      '"It is suitable. We do not rule it out," he said.',
      'He left.',
    ]);
  });

  it('does not end a sentence at initials run together', () => {
    const text = 'The bench of Justices A.K. Mensah and Kofi Boateng ruled. It adjourned.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'The bench of Justices A.K. Mensah and Kofi Boateng ruled.',
      'It adjourned.',
    ]);
  });

  it('ends a sentence at a full stop that lost its space, but not inside a web address', () => {
    const text = 'The harbour board said the dredging was unlawful.Porto appealed on Monday.It lost. See www.HarbourBoard.pt for more.';
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([
      'The harbour board said the dredging was unlawful.',
      'Porto appealed on Monday.',
      'It lost.',
      'See www.HarbourBoard.pt for more.',
    ]);
  });

  it('leaves out furniture and repeated paragraphs', () => {
    const paragraph = 'According to an aide, the two countries agree on regional issues and on trade.';
    const text = `${paragraph}\n\nAbout Author\n\n${paragraph}`;
    expect(sentencesOf(text, blocksOf(text)).map((s) => s.text)).toEqual([paragraph]);
  });
});

describe('quotations over paragraphs', () => {
  const quotations = (text: string) => {
    const sentences = sentencesOf(text, blocksOf(text));
    return quotationsOverParagraphs(sentences).map((q) => q.map((i) => sentences[i]!.text.slice(0, 12)));
  };

  it('runs from the paragraph that opens a quotation to the one that closes it, with or without a mark between', () => {
    expect(quotations('“We are back. All crews work.\n\n“Fares hold.\n\nThe talks were long,” said Lomas.\n\nShe left.')).toEqual([
      ['“We are back', '“Fares hold.', 'The talks we'],
    ]);
    expect(quotations('"We are back.\n\n"Fares hold," said Lomas.')).toEqual([['"We are back', '"Fares hold,']]);
  });

  it('is none for quotes closed in their own paragraph, nor for a mark never closed', () => {
    expect(quotations('“We are back,” said Lomas. “Fares hold.”\n\nShe left.')).toEqual([]);
    expect(quotations('“We are back.\n\nShe left.\n\nFares hold.\n\nTalks end.\n\nThe board met,” it said.')).toEqual([]);
  });
});
