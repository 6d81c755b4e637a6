import { describe, expect, it } from 'vitest';

import { markNames } from './search.service.js';

describe('markNames', () => {
  it('marks what was typed in names and aliases, case and quotation marks aside, and escapes the rest', () => {
    expect(markNames('Min Aung Hlaing (coup leader)', 'min aung')).toBe('<mark>Min Aung</mark> Hlaing (coup leader)');
    expect(markNames("Tatmadaw (Myanmar’s armed forces, Myanmar's armed forces)", "Myanmar's armed")).toBe(
      "Tatmadaw (<mark>Myanmar’s armed</mark> forces, <mark>Myanmar's armed</mark> forces)",
    );
    expect(markNames('<b>A&B</b>', 'a&b')).toBe('&lt;b&gt;<mark>A&amp;B</mark>&lt;/b&gt;');
    expect(markNames('Rosatom', 'nothing like it')).toBe('Rosatom');
  });
});
