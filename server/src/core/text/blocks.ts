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
  // A byline with its outlet and time: "Written by PTI | Johannesburg | Updated: February 14, 2018 9:41 pm".
  /^(by|posted by|written by) [^|]{1,60}(\|[^|]{1,60}){1,4}$/i,
  /^(photo|image|credit):? [^.]{0,80}$/i,
  /^(photograph|picture|pictures|photos|images)( credit| source)?: [^.]{0,80}$/i,
  // A wire photo's caption: "In this May 22, 2018, photo, schoolchildren wash …", "In this file image released by …".
  /^in this\b[^.!?]{0,60}?\b(photo|image|picture|photograph|handout|video grab)(,|\s+(released|provided|taken|made|distributed|obtained|from|by|shows?)\b)/i,
  // A caption closed by its credit: "… in Mbandaka. (Mark Naftalin/UNICEF via AP)", "(AP Photo/Jerome Delay)".
  /\((?:[^()]{1,60} via (?:AP|AFP|Reuters|Getty Images|EPA)|(?:AP|AFP|EPA|Reuters)(?: Photo)?\/[^()]{1,60})\)$/,
  /^short (url|link)\.?$/i,
  /^(follow|follow us|follow us on( \w+)?( :)?|like us on \w+|continue reading|read more( here)?|read the full (story|article)|see also|watch|listen)\.?:?$/i,
  // Calls to follow an outlet joined into one line: "Like us on Facebook and follow us on Twitter."
  /^((and |or )?(like|follow|find|join|connect with) us on [\p{L}.]+( and [\p{L}.]+)?[,.!]?\s*){2,}$/iu,
  // "Follow N1 via mobile apps for Android | iPhone/iPad | Windows| and social media on Twitter | Facebook."
  /^(follow|download|get) .{0,80}\b(apps?|twitter|facebook|instagram|telegram|whatsapp|youtube|x\.com|social media)\b.{0,80}$/i,
  /\b(we use cookies|this (web)?site uses cookies|use of cookies|cookie (policy|settings|preferences)|accept (all )?cookies)\b/i,
  /^-?\d{1,3} ?°? ?[CF]$/, // a weather widget: "28 C"
  // A reading-time label, alone or after the page's date: "1 Min Read", "Mon., Dec. 6, 20211 min. read".
  /^.{0,40}\d ?(min|mins|minutes?)\.? read$/i,
  /^(estimated )?reading time:? \d{1,3} ?(min|mins|minutes?)\.?$/i,
  // A section's hashtag or a row of them: "#Business News", "#Myanmar #Russia".
  /^#\p{L}[^.!?#]{0,40}(\s+#\p{L}[^.!?#]{0,40})*$/u,
  // An outlet's account of its own standards: "Our Standards: The Thomson Reuters Trust Principles."
  /^(our|editorial) (editorial )?(standards|principles|values|ethics|code of (ethics|conduct)|corrections policy)\s*:/i,
  /^(read|learn more about|see) our (editorial )?(standards|principles|ethics( policy)?|code of (ethics|conduct)|corrections policy)\b[^.!?]{0,60}[.]?$/i,
  // A call to sign up, with what for: "Sign up here.", "Subscribe to our daily newsletter".
  /^(sign up|subscribe|register)( now| here| today| free)?( (for|to) [^.!?,;]{0,80})?[.!]?$/i,
  // A share bar, or its label run into the next button: "Share this articleComments", "Share on Facebook Twitter WhatsApp".
  /^share (this|on|via|to)( (article|story|page|post))?[\p{L} |,]{0,60}$/iu,
  // A blog's like button and share row: "Like this: Like Loading...", "Share this: Twitter Facebook".
  /^(like|share) this:(\s+[\p{L}.()…]+){0,8}$/iu,
  // A teaser for another story, its link's label closing the line: "… to the UK from 2 April 2025 – READ MORE".
  /\s[–—|-]\s*read more\s*[»›>→…]*$/i,
  // A list of related links, its label alone or before a headline in capitals: "Related Coverage", "RELATED Venezuela …".
  /^(related|see also|also read|read also|more on this( story)?)( (coverage|content|topics|news|links|reading))?\s*:?$/i,
  /^(RELATED|ALSO READ|READ ALSO|SEE ALSO|READ MORE)\b:? \p{Lu}[^\n]{0,150}$/u,
];

/** Words of a site's menu: a line made of them is navigation, not a title or a paragraph. */
const MENU_WORDS = new Set(
  'home news world politics business economy markets sport sports video videos gallery photos photo epaper e-paper archive archives opinion opinions editorial contact about us subscribe login log in sign search menu lifestyle entertainment tech technology health science travel culture weather podcasts podcast live latest trending national international local region regions asia africa europe americas middle east more newsletter newsletters careers advertise'.split(
    ' ',
  ),
);

/** A line that only tells a date and time, as pages print them above an article: "Saturday 26 June 2010", "NEWS 12.11.2018 09:17". */
function isDateLine(line: string): boolean {
  if (
    line.length > 60 ||
    !/\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[.:/]\d{2}/i.test(
      line,
    )
  )
    return false;
  const rest = line
    .replace(/\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/gi, ' ')
    .replace(/\b(am|pm|a\.m\.|p\.m\.|gmt|utc|ist|est|cet|updated|published)\b/gi, ' ')
    .replace(/[\d\s,.:|/+-]+/g, ' ')
    .trim();
  return rest.split(/\s+/).filter(Boolean).length <= 1;
}

/** Three or more items of a site's menu and nothing else ("Video Gallery ePaper Archive"), or items split by bars and bullets. */
function isMenu(line: string): boolean {
  if (/[.!?]$/.test(line)) return false;
  const items = line.split(/\s*[|•·»]\s*/).filter(Boolean);
  if (items.length >= 4 && items.every((item) => item.split(/\s+/).length <= 3)) return true;
  const words = line.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length >= 3 && words.filter((w) => MENU_WORDS.has(w.replace(/[^\p{L}-]/gu, ''))).length >= 0.8 * words.length;
}

export const isFurniture = (line: string): boolean => {
  const trimmed = line.trim();
  // "Updated 07 September 2022", "Last Updated : Feb 14 2018 | 9:55 PM IST"
  const stamped = /^(last )?(updated|published|first published|posted)( on| at)?\s*:?\s*(.+)$/i.exec(trimmed);
  return (
    FURNITURE_LINES.some((pattern) => pattern.test(trimmed)) ||
    isDateLine(trimmed) ||
    (stamped !== null && isDateLine(stamped[4]!)) ||
    isMenu(trimmed)
  );
};

/**
 * Where the article ends and the page's own matter begins, everything after being furniture too: a comment policy
 * ("Disclaimer: All the comments will be moderated …"), a list of other stories ("Most Viewed Video Stories"), a
 * live stream's link ("LIVE🔴 …") or an issuer's account of its own role closing a release ("The Presidential Media
 * Division is fully responsible for …").
 */
const ENDS_ARTICLE = [
  /^disclaimer\s*:/i,
  /^(all )?(the )?comments (will|are|may) be (moderated|reviewed)\b/i,
  /^(most (viewed|read|popular|shared|watched)|more (video )?stories|video stories|top stories|trending( now)?|you might also like)\b[^.!?]{0,40}$/i,
  /^LIVE\s*[^\p{L}\p{N}\s]/u,
  // A writer's box ("About the author: Cory Weinberg" and a line of biography) and a comment form. "Leave a comment"
  // alone is not here: some blogs print it under the title.
  /^about (the )?author\b/i,
  /^your email address will not be published\b/i,
  /^the (?:\p{Lu}[\p{L}]+ ){1,4}(division|department|office|unit|service|secretariat) is (?:fully |solely )?(responsible for|mandated to|tasked with)\b/iu,
];

/**
 * Whether a line break falls inside a sentence, as in a wire release wrapped at a fixed width ("today announced the
 * results" / "of its operations"): the line does not end as a sentence or a quote does, and the next goes on in lower
 * case, or follows a word that cannot end a sentence ("… segment, The" / "Frazer & Jones division").
 */
function isWrapped(line: string, next: string): boolean {
  const end = line.trimEnd();
  if (end.length === 0 || /[.!?:;"”’)»|]$/.test(end) || isFurniture(end)) return false;
  const opens = next.trimStart();
  if (/^\p{Ll}/u.test(opens)) return true;
  return (
    /(?:,|\b(?:the|a|an|of|and|or|to|in|for|with|by|on|at|from|that|was|were|is|are|per))$/i.test(end) && /^[\p{L}$“"(\d]/u.test(opens)
  );
}

/** Paragraphs shorter than this are not called repeats: "Share." twice is furniture, not a duplicated passage. */
const REPEAT_MIN_LENGTH = 40;

const normalise = (line: string) => line.replace(/\s+/g, ' ').trim().toLowerCase();

/** Splits at line breaks; positions count code points. */
export function blocksOf(text: string): TextBlock[] {
  const codePoints = Array.from(text);
  const blocks: TextBlock[] = [];
  const seen = new Map<string, number>();
  let start = 0;
  let ended = false;
  const close = (end: number) => {
    const line = codePoints.slice(start, end).join('');
    const key = normalise(line);
    let kind = BlockKind.BODY;
    let repeatOf: number | null = null;
    ended ||= ENDS_ARTICLE.some((pattern) => pattern.test(line.trim()));
    if (key === '') kind = BlockKind.BLANK;
    else if (ended || isFurniture(line)) kind = BlockKind.FURNITURE;
    else if (key.length >= REPEAT_MIN_LENGTH && seen.has(key)) {
      kind = BlockKind.REPEAT;
      repeatOf = seen.get(key)!;
    } else if (key.length >= REPEAT_MIN_LENGTH) seen.set(key, blocks.length);
    blocks.push({ start, end, kind, repeatOf });
  };
  let lineStart = 0;
  codePoints.forEach((char, i) => {
    if (char !== '\n') return;
    const line = codePoints.slice(lineStart, i).join('');
    const next = codePoints
      .slice(i + 1, i + 1 + 80)
      .join('')
      .split('\n', 1)[0]!;
    lineStart = i + 1;
    if (isWrapped(line, next)) return;
    close(i);
    start = i + 1;
  });
  close(codePoints.length);
  return blocks;
}
