import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let estimator: ZxcvbnFactory | null = null;

/**
 * How many guesses a cracker would need for a text (zxcvbn: common passwords, words, names, keyboard walks,
 * repeats, sequences, dates, l33t), scored 0 to 4. The dictionaries ship in the packages, so nothing is fetched;
 * they take about half a second to load, so they are loaded at first use, not by every process that imports this.
 */
export function guessability(text: string, userInputs: string[] = []): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // A random suffix in hex or base64 offers thousands of l33t readings; past this many the check takes 100+ ms of
    // a shared CPU for no better answer.
    l33tMaxSubstitutions: 15,
  });
  return estimator.check(text, userInputs);
}
