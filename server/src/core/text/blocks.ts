/**
 * A text's paragraphs, in code points (the positions evidence uses), with page furniture and repeated paragraphs
 * told apart so that readers can dim and mark them and importers can flag them. The words stay as published:
 * this only labels stretches of the text, it never removes any.
 */
export enum BlockKind {
  BODY = 'BODY',
  FURNITURE = 'FURNITURE',
  REPEAT = 'REPEAT',
  BLANK = 'BLANK',
}

export interface TextBlock {
  start: number;
  end: number;
  kind: BlockKind;
  /** For a repeat: the index of the block it repeats. */
  repeatOf: number | null;
}

const FURNITURE_LINES = [
  /^\d+$/, // a lone number: a comment count, a page number
  /^\d{4}\/\d+$/, // an archive number such as 2022/267
  /^(share|share this|share on \w+|tweet|print|email|advertisement|subscribe)\.?$/i,
  /^about (the )?author\.?$/i,
  /^comments are closed\.?$/i,
  /^(leave a (comment|reply)|\d+ comments?|no comments( yet)?)\.?$/i,
  /^(read more|related( posts| articles| stories)?|more from [^.]{1,40}|you may also like)\.?:?$/i,
  /^tags?:.*$/i,
  /^(by|posted by|written by) [^.]{1,60}$/i,
  /^(photo|image|credit):? [^.]{0,80}$/i,
];

export const isFurniture = (line: string): boolean => FURNITURE_LINES.some((pattern) => pattern.test(line.trim()));

/** Paragraphs shorter than this are not called repeats: "Share." twice is furniture, not a duplicated passage. */
const REPEAT_MIN_LENGTH = 40;

const normalise = (line: string) => line.replace(/\s+/g, ' ').trim().toLowerCase();

/** Splits at line breaks; positions count code points. */
export function blocksOf(text: string): TextBlock[] {
  const codePoints = Array.from(text);
  const blocks: TextBlock[] = [];
  const seen = new Map<string, number>();
  let start = 0;
  const close = (end: number) => {
    const line = codePoints.slice(start, end).join('');
    const key = normalise(line);
    let kind = BlockKind.BODY;
    let repeatOf: number | null = null;
    if (key === '') kind = BlockKind.BLANK;
    else if (isFurniture(line)) kind = BlockKind.FURNITURE;
    else if (key.length >= REPEAT_MIN_LENGTH && seen.has(key)) {
      kind = BlockKind.REPEAT;
      repeatOf = seen.get(key)!;
    } else if (key.length >= REPEAT_MIN_LENGTH) seen.set(key, blocks.length);
    blocks.push({ start, end, kind, repeatOf });
  };
  codePoints.forEach((char, i) => {
    if (char === '\n') {
      close(i);
      start = i + 1;
    }
  });
  close(codePoints.length);
  return blocks;
}
