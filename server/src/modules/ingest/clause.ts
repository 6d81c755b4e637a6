import nlp from 'compromise';

/** Where a happening's words stand: the clause that tells it, and the noun phrase its verb is said of. */
export interface TriggerClause {
  start: number;
  end: number;
  /** The verb's subject as compromise reads it ("he" in "where he met executives"), if it stands in the sentence. */
  subject: { index: number; text: string } | null;
}

interface Piece {
  start: number;
  end: number;
  text: string;
  hasVerb: boolean;
}

/**
 * The clauses of a sentence as compromise cuts them, with the pieces that hold no verb of their own ("William Ruto,",
 * "in Abu Dhabi.", "Minister of Foreign Affairs,") joined to the clause before them: compromise cuts at every comma,
 * and an apposition or a trailing place belongs to the clause it follows.
 */
function piecesOf(sentence: string): { pieces: Piece[]; doc: ReturnType<typeof nlp> } {
  const doc = nlp(sentence);
  const pieces: Piece[] = [];
  for (const clause of doc.clauses().json({ offset: true }) as Array<{
    text: string;
    offset: { start: number; length: number };
    terms: Array<{ tags: string[] }>;
  }>) {
    const hasVerb = clause.terms.some((t) => t.tags.includes('Verb'));
    const piece = { start: clause.offset.start, end: clause.offset.start + clause.offset.length, text: clause.text, hasVerb };
    const last = pieces.at(-1);
    if (last && !hasVerb) {
      last.end = piece.end;
      last.text = sentence.slice(last.start, last.end);
    } else pieces.push(piece);
  }
  return { pieces, doc };
}

/**
 * The clause that tells the happening named at `index` of `sentence` ("where he met executives of Coca-Cola", not "The
 * Kenyan leader began his visit in Atlanta"), and the subject of its verb: for a verb trigger its own, for a noun
 * trigger ("held talks", "began his visit") the verb's before it in the clause.
 */
export function clauseOf(sentence: string, index: number): TriggerClause | null {
  const { pieces, doc } = piecesOf(sentence);
  const piece = pieces.find((p) => index >= p.start && index < p.end);
  if (!piece) return null;
  const verbs = doc.verbs().json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
  const verbAt = [...verbs.keys()].filter((i) => verbs[i]!.offset.start >= piece.start && verbs[i]!.offset.start <= index + 1).at(-1);
  if (verbAt === undefined) return { start: piece.start, end: piece.end, subject: null };
  // compromise's typings omit the verb view's subjects(), which its verbs plugin adds at run time.
  const verb = doc.verbs().eq(verbAt) as unknown as { subjects(): { text(): string } };
  const subjectText = verb
    .subjects()
    .text()
    .replace(/[,;:]+$/, '')
    .trim();
  const subjectIndex = subjectText ? sentence.lastIndexOf(subjectText, verbs[verbAt]!.offset.start) : -1;
  const subject = subjectIndex >= 0 ? { index: subjectIndex, text: subjectText } : null;
  return { start: Math.min(piece.start, subject?.index ?? piece.start), end: piece.end, subject };
}
