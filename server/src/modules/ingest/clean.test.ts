import { describe, expect, it } from 'vitest';

import { cleanDocument, ImportFormat, titleOf } from './clean.js';

describe('cleaning an imported document', () => {
  it('reduces HTML to its article, a paragraph a line, keeping the words as published', () => {
    const html = `<html><head><title>Port news</title><script>track()</script></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Port terminal to open in March</h1>
      <p>The port authority said on <b>Monday</b> that the new terminal will open in March. It cost more than expected, officials said, and the contractor has been replaced twice.</p>
      <p>Critics said the terminal would not open before the summer. “We have heard this before,” a union leader said.</p>
      <p>Share.</p></article>
      <footer>Comments are closed. © 2023</footer></body></html>`;
    const cleaned = cleanDocument(html, ImportFormat.HTML);
    expect(cleaned.text).toContain('The port authority said on Monday that the new terminal will open in March.');
    expect(cleaned.text).toContain('“We have heard this before,” a union leader said.');
    expect(cleaned.text).not.toMatch(/Home|World|track\(\)/);
    expect(cleaned.text.split('\n\n')).toContain('Share.');
    expect(cleaned.steps.join('; ')).toMatch(/readability/);
    expect(cleaned.originalSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('removes Markdown markup but keeps link text, and takes the first heading as the title', () => {
    const cleaned = cleanDocument(
      '# Talks resume\n\nThe **minister** met [the union](https://example.org) on *Monday*.\n\n- first point\n- second point\n',
      ImportFormat.MARKDOWN,
    );
    expect(cleaned.title).toBe('Talks resume');
    expect(cleaned.text).toBe('Talks resume\n\nThe minister met the union on Monday.\n\nfirst point second point');
  });

  it('keeps plain text as it is, line endings aside, and records the hash of the original bytes', () => {
    const original = Buffer.from('\ufeffFirst paragraph.\r\n\r\nSecond   one.\r\n', 'utf8');
    const cleaned = cleanDocument(original, ImportFormat.TEXT);
    expect(cleaned.text).toBe('First paragraph.\n\nSecond one.');
    expect(cleaned.steps).toEqual(expect.arrayContaining(['byte-order mark removed', 'line endings made \\n']));
    expect(cleaned.originalBytes).toBe(original.length);
  });

  it('never takes a menu, a date or a byline for the title', () => {
    expect(
      titleOf({
        title: 'Video Gallery ePaper Archive Opinion',
        text: 'Video Gallery ePaper Archive Opinion\nPort strike ends after talks\nThe strike ended.',
      }),
    ).toBe('Port strike ends after talks');
    expect(titleOf({ title: null, text: 'Saturday 26 June 2010\n\nPort strike ends after talks' })).toBe('Port strike ends after talks');
    expect(titleOf({ title: 'Port strike ends', text: 'x' })).toBe('Port strike ends');
  });
});
