import { Box } from '@mui/material';
import { type MouseEvent, useRef } from 'react';

import type { Note } from '../annotations/AnnotationsPanel';
import { label } from '../common/choices';
import { STATUS_COLOURS } from '../common/status';
import { type Paragraph, piecesOf, type Span } from './layout';
import type { ReaderEvidence } from './useReaderData';

export const tint = (hex: string, alpha: string) => `${hex}${alpha}`;

/** What is drawn on the text: the words evidence rests on, and the words an open note is about. */
type Mark = { evidence: ReaderEvidence } | { note: Note };
const rangeOfMark = (mark: Mark) => ('evidence' in mark ? mark.evidence.selector : mark.note.span!.selector);
const NOTE_STYLE = {
  textDecorationLine: 'underline',
  textDecorationStyle: 'dotted',
  textDecorationColor: '#7b1fa2',
  textDecorationThickness: 2,
  cursor: 'pointer',
} as const;

/** How a highlight looks: claims are filled, events underlined; the colour is the review status. */
function highlightStyle(spans: ReaderEvidence[], focused: string | null) {
  if (spans.length === 0) return undefined;
  const claim = spans.find((span) => span.record.kind === 'claim');
  const event = spans.find((span) => span.record.kind === 'event');
  const isFocused = spans.some((span) => span.id === focused);
  return {
    backgroundColor: claim ? tint(STATUS_COLOURS[claim.record.status] ?? '#888', spans.length > 1 ? '55' : '33') : undefined,
    borderBottom: event ? `3px solid ${STATUS_COLOURS[event.record.status] ?? '#888'}` : undefined,
    outline: isFocused ? '2px solid #1f4e79' : undefined,
    cursor: 'pointer',
  } as const;
}

/** Where in the text (in code points) a DOM selection point falls: runs carry their first position. */
function positionOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>('[data-start]');
  if (!run) return null;
  const before = node.nodeType === Node.TEXT_NODE ? (node as Text).data.slice(0, offset) : '';
  return Number(run.dataset.start) + Array.from(before).length;
}

/** The words selected in `text`, without the blanks around them; null when nothing in it is selected. */
function selectedSpan(text: HTMLElement | null, codePoints: string[]): Span | null {
  const dom = window.getSelection();
  if (!dom || dom.isCollapsed || dom.rangeCount === 0 || !text?.contains(dom.anchorNode)) return null;
  const range = dom.getRangeAt(0);
  let start = positionOf(range.startContainer, range.startOffset);
  let end = positionOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  while (start < end && /\s/.test(codePoints[start]!)) start += 1;
  while (end > start && /\s/.test(codePoints[end - 1]!)) end -= 1;
  return end > start ? { start, end } : null;
}

interface Props {
  codePoints: string[];
  paragraphs: Paragraph[];
  evidence: ReaderEvidence[];
  notes: Note[];
  /** The evidence the page was opened on (`?evidence=`), outlined. */
  focused: string | null;
  onSelect: (span: Span) => void;
  /** Highlighted words were clicked: the evidence and notes on them. */
  onPick: (evidence: ReaderEvidence[], notes: Note[]) => void;
  onOpen: (evidence: ReaderEvidence) => void;
}

/** The text as published, paragraph by paragraph, with its quotes highlighted and its noted words underlined. */
export function HighlightedText({ codePoints, paragraphs, evidence, notes, focused, onSelect, onPick, onOpen }: Props) {
  const textRef = useRef<HTMLDivElement>(null);

  const onMouseUp = () => {
    const span = selectedSpan(textRef.current, codePoints);
    if (span) onSelect(span);
  };

  const openPiece = (event: MouseEvent, spans: ReaderEvidence[], pieceNotes: Note[]) => {
    if (window.getSelection()?.isCollapsed === false) return;
    event.stopPropagation();
    if (spans.length === 1 && pieceNotes.length === 0) onOpen(spans[0]!);
    else onPick(spans, pieceNotes);
  };

  const renderParagraph = (paragraph: Paragraph, index: number) => {
    const inParagraph = (range: Span) => range.start < paragraph.end && range.end > paragraph.start;
    const marks: Mark[] = [
      ...evidence.filter((e) => inParagraph(e.selector)).map((e) => ({ evidence: e })),
      ...notes.filter((n) => inParagraph(n.span!.selector)).map((note) => ({ note })),
    ];
    const marker =
      paragraph.kind === 'FURNITURE' ? 'page furniture' : paragraph.kind === 'REPEAT' ? `repeats ¶${paragraph.repeatOf! + 1}` : null;
    return (
      <Box
        key={index}
        component="span"
        data-kind={paragraph.kind}
        sx={{ display: 'inline', opacity: marker ? 0.5 : 1, fontStyle: paragraph.kind === 'FURNITURE' ? 'italic' : undefined }}
        title={marker ? `Shown dimmed: ${marker}` : undefined}
      >
        {marker ? (
          <Box
            component="span"
            contentEditable={false}
            sx={{ userSelect: 'none', fontSize: 11, fontFamily: 'system-ui', bgcolor: '#eceff1', px: 0.5, mr: 0.5, borderRadius: 1 }}
            aria-hidden
          >
            {marker}
          </Box>
        ) : null}
        {piecesOf(paragraph.start, paragraph.end, marks, rangeOfMark).map((piece) => {
          const spans = piece.spans.flatMap((m) => ('evidence' in m ? [m.evidence] : []));
          const pieceNotes = piece.spans.flatMap((m) => ('note' in m ? [m.note] : []));
          return (
            <span
              key={piece.start}
              data-start={piece.start}
              data-evidence={spans.map((s) => s.id).join(' ') || undefined}
              data-note={pieceNotes.map((n) => n.id).join(' ') || undefined}
              style={{ ...highlightStyle(spans, focused), ...(pieceNotes.length ? NOTE_STYLE : {}) }}
              onClick={piece.spans.length ? (event) => openPiece(event, spans, pieceNotes) : undefined}
              title={
                [
                  ...spans.map((s) => `${s.record.kind}: ${s.record.label} (${label(s.record.status)})`),
                  ...pieceNotes.map((n) => `note: ${n.body}`),
                ].join('\n') || undefined
              }
            >
              {codePoints.slice(piece.start, piece.end).join('')}
            </span>
          );
        })}
        {index < paragraphs.length - 1 ? <span data-start={paragraph.end}>{'\n'}</span> : null}
      </Box>
    );
  };

  return (
    <Box
      ref={textRef}
      onMouseUp={onMouseUp}
      data-testid="source-text"
      sx={{ whiteSpace: 'pre-wrap', fontFamily: 'Georgia, "Times New Roman", serif', fontSize: 17, lineHeight: 1.7 }}
    >
      {paragraphs.map(renderParagraph)}
    </Box>
  );
}
