import { Box } from '@mui/material';
import { type FocusEvent, type KeyboardEvent, type RefObject, type SyntheticEvent, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';

import type { Note } from '../annotations/AnnotationsPanel';
import { StatusIcon } from '../common/status';
import { useVocabulary } from '../common/vocabulary';
import { FOCUS_RING, QUIET_TEXT, STATUS_COLOURS } from '../theme';
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

/** The text node and offset in it where code point `position` of the text falls, for a DOM range. */
function pointAt(root: HTMLElement, position: number): { node: Text; offset: number } | null {
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(run.dataset.start);
    const text = run.firstChild;
    if (!(text instanceof Text)) continue;
    const length = Array.from(text.data).length;
    if (position >= start && position <= start + length)
      return {
        node: text,
        offset: Array.from(text.data)
          .slice(0, position - start)
          .join('').length,
      };
  }
  return null;
}

/** The DOM range of [start, end) in the drawn text: where the selection actions open beside. */
export function rangeOf(root: HTMLElement, { start, end }: Span): Range | null {
  const from = pointAt(root, start);
  const to = pointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Arrow keys move the caret (and, with Shift, the end of the selection) as in an editor: [direction, step]. */
const CARET_KEYS: Record<string, ['forward' | 'backward', 'character' | 'line' | 'lineboundary']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary'],
};

/** Where a collapsed selection is drawn, relative to the text's box: browsers draw no caret in text that is not editable. */
interface Caret {
  top: number;
  left: number;
  height: number;
}

function caretOf(root: HTMLElement, dom: Selection): Caret | null {
  if (!dom.isCollapsed || dom.rangeCount === 0 || !root.contains(dom.anchorNode)) return null;
  const range = dom.getRangeAt(0);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = root.getBoundingClientRect();
  if (rect.height === 0) return null;
  return { top: rect.top - box.top, left: rect.left - box.left, height: rect.height };
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
  /** Enter pressed on selected words: the keyboard's way to the selection's actions. */
  onAct: () => void;
  textRef: RefObject<HTMLDivElement | null>;
}

/** The text as published, paragraph by paragraph, with its quotes highlighted and its noted words underlined. */
export function HighlightedText({ codePoints, paragraphs, evidence, notes, focused, onSelect, onPick, onOpen, onAct, textRef }: Props) {
  const translate = useTranslate();
  const label = useVocabulary();
  const [caret, setCaret] = useState<Caret | null>(null);
  const pointing = useRef(false);
  // Chrome starts no selection on a press inside an element that can take focus, so the highlights leave the tab
  // order while the mouse is used (a drag may start on highlighted words) and return to it at the next key press.
  const [highlightsTabbable, setHighlightsTabbable] = useState(true);

  const onMouseUp = () => {
    pointing.current = false;
    setCaret(null);
    const span = selectedSpan(textRef.current, codePoints);
    if (span) onSelect(span);
  };

  const openPiece = (event: SyntheticEvent, spans: ReaderEvidence[], pieceNotes: Note[]) => {
    if (window.getSelection()?.isCollapsed === false) return;
    event.stopPropagation();
    if (spans.length === 1 && pieceNotes.length === 0) onOpen(spans[0]!);
    else onPick(spans, pieceNotes);
  };

  // Reached with Tab, the caret starts where the keyboard last left it in the text, else at the start of what took
  // focus (the text, or a highlight in it), so that Shift+Arrow keys select from there; a click places it where the
  // pointer is, as browsers do.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const dom = window.getSelection();
    const root = textRef.current;
    const clicked = pointing.current;
    pointing.current = false;
    if (clicked || !dom || !root || !(event.target instanceof HTMLElement)) return;
    if (event.target === root && dom.rangeCount > 0 && root.contains(dom.focusNode)) {
      dom.collapseToEnd();
      setCaret(caretOf(root, dom));
      return;
    }
    const point = pointAt(root, event.target === root ? (paragraphs[0]?.start ?? 0) : Number(event.target.dataset.start));
    if (!point) return;
    dom.collapse(point.node, point.offset);
    setCaret(caretOf(root, dom));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    setHighlightsTabbable(true);
    const dom = window.getSelection();
    const root = textRef.current;
    if (!dom || !root) return;
    const move = CARET_KEYS[event.key];
    if (move) {
      event.preventDefault();
      dom.modify(event.shiftKey ? 'extend' : 'move', move[0], event.ctrlKey || event.altKey ? 'word' : move[1]);
      setCaret(caretOf(root, dom));
      const span = event.shiftKey ? selectedSpan(root, codePoints) : null;
      if (span) onSelect(span);
      return;
    }
    if (event.key === 'Enter' && selectedSpan(root, codePoints)) {
      event.preventDefault();
      onAct();
    }
  };

  const renderParagraph = (paragraph: Paragraph, index: number) => {
    const inParagraph = (range: Span) => range.start < paragraph.end && range.end > paragraph.start;
    const marks: Mark[] = [
      ...evidence.filter((e) => inParagraph(e.selector)).map((e) => ({ evidence: e })),
      ...notes.filter((n) => inParagraph(n.span!.selector)).map((note) => ({ note })),
    ];
    const marker =
      paragraph.kind === 'FURNITURE'
        ? translate('console.reader.text.furniture')
        : paragraph.kind === 'REPEAT'
          ? translate('console.reader.text.repeats', { number: paragraph.repeatOf! + 1 })
          : null;
    return (
      <Box
        key={index}
        component="span"
        data-kind={paragraph.kind}
        sx={{ display: 'inline', color: marker ? QUIET_TEXT : undefined, fontStyle: paragraph.kind === 'FURNITURE' ? 'italic' : undefined }}
        title={marker ? translate('console.reader.text.dimmed', { marker }) : undefined}
      >
        {marker ? (
          <Box
            component="span"
            contentEditable={false}
            sx={{
              userSelect: 'none',
              fontSize: 12,
              fontFamily: 'system-ui',
              fontStyle: 'normal',
              bgcolor: '#eceff1',
              px: 0.5,
              mr: 0.5,
              borderRadius: 1,
            }}
            aria-hidden
          >
            {marker}
          </Box>
        ) : null}
        {piecesOf(paragraph.start, paragraph.end, marks, rangeOfMark).map((piece) => {
          const spans = piece.spans.flatMap((m) => ('evidence' in m ? [m.evidence] : []));
          const pieceNotes = piece.spans.flatMap((m) => ('note' in m ? [m.note] : []));
          const names = [
            ...spans.map((s) => `${translate(`console.reader.kinds.${s.record.kind}`)}: ${s.record.label} (${label(s.record.status)})`),
            ...pieceNotes.map((n) => `${translate('console.reader.kinds.note')}: ${n.body}`),
          ];
          const words = codePoints.slice(piece.start, piece.end).join('');
          const open = (event: SyntheticEvent) => openPiece(event, spans, pieceNotes);
          // Each quote ends with its status's shape, so its status is not told by colour alone.
          const ending = spans.filter((s) => s.selector.end === piece.end);
          return [
            <span
              key={piece.start}
              data-start={piece.start}
              data-evidence={spans.map((s) => s.id).join(' ') || undefined}
              data-note={pieceNotes.map((n) => n.id).join(' ') || undefined}
              style={{ ...highlightStyle(spans, focused), ...(pieceNotes.length ? NOTE_STYLE : {}) }}
              onClick={piece.spans.length ? open : undefined}
              title={names.join('\n') || undefined}
              {...(piece.spans.length
                ? {
                    role: 'button',
                    tabIndex: highlightsTabbable ? 0 : undefined,
                    'aria-label': `“${words}”, ${names.join('; ')}`,
                    onKeyDown: (event: KeyboardEvent) => {
                      if ((event.key === 'Enter' || event.key === ' ') && window.getSelection()?.isCollapsed !== false) {
                        event.preventDefault();
                        open(event);
                      }
                    },
                  }
                : {})}
            >
              {words}
            </span>,
            ...ending.map((s) => (
              <StatusIcon
                key={`${piece.start}-${s.id}`}
                status={s.record.status}
                data-status={s.record.status}
                sx={{ fontSize: '0.8em', verticalAlign: 'super', userSelect: 'none', color: STATUS_COLOURS[s.record.status] }}
              />
            )),
          ];
        })}
        {index < paragraphs.length - 1 ? <span data-start={paragraph.end}>{'\n'}</span> : null}
      </Box>
    );
  };

  return (
    <Box
      ref={textRef}
      onMouseDownCapture={() => {
        pointing.current = true;
        setHighlightsTabbable(false);
      }}
      onMouseUp={onMouseUp}
      onFocus={onFocus}
      onBlur={() => setCaret(null)}
      onKeyDown={onKeyDown}
      tabIndex={0}
      role="region"
      aria-label={translate('console.reader.text.label')}
      aria-describedby="reader-keys"
      data-testid="source-text"
      sx={{
        position: 'relative',
        whiteSpace: 'pre-wrap',
        fontFamily: 'Georgia, "Times New Roman", serif',
        fontSize: 17,
        lineHeight: 1.7,
        '&:focus-visible, & [role=button]:focus-visible': FOCUS_RING,
      }}
    >
      {paragraphs.map(renderParagraph)}
      {caret ? (
        <Box
          aria-hidden
          data-testid="caret"
          sx={{
            position: 'absolute',
            top: caret.top,
            left: caret.left,
            height: caret.height,
            width: 2,
            bgcolor: 'text.primary',
            pointerEvents: 'none',
          }}
        />
      ) : null}
    </Box>
  );
}
