import { Alert, Box, Button, Chip, Divider, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type MouseEvent } from 'react';
import { Link, useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { NoteThreads, useNotes, type Note } from '../annotations/AnnotationsPanel';
import { label } from '../common/choices';
import type { Selection } from '../common/SelectionHeader';
import { ANCHOR_COLOURS, STATUS_COLOURS, StatusChip } from '../common/status';
import { useApi } from '../providers/useApi';
import { AttachEvidence } from './AttachEvidence';
import { CorrectTextDialog } from './CorrectTextDialog';
import { piecesOf, selectorFor, type Paragraph } from './layout';
import { useReaderData, type ReaderEvidence } from './useReaderData';

const tint = (hex: string, alpha: string) => `${hex}${alpha}`;

/** What is drawn on the text: the words evidence rests on, and the words an open note is about. */
type Mark = { evidence: ReaderEvidence } | { note: Note };
const rangeOfMark = (mark: Mark) => ('evidence' in mark ? mark.evidence.selector : mark.note.span!.selector);
const NOTE_STYLE = { textDecorationLine: 'underline', textDecorationStyle: 'dotted', textDecorationColor: '#7b1fa2', textDecorationThickness: 2, cursor: 'pointer' } as const;

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

export default function SourceReader() {
  const record = useRecordContext();
  const reader = useReaderData(record?.id as string | undefined);
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const api = useApi();
  const [params] = useSearchParams();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'claims', action: 'create' });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [picked, setPicked] = useState<ReaderEvidence[]>([]);
  const [pickedNote, setPickedNote] = useState<Note | null>(null);
  const sourceNotes = useNotes({ targetType: 'SOURCE', targetId: String(record?.id ?? '') }, Boolean(record?.id));
  const [reselecting, setReselecting] = useState<ReaderEvidence | null>(null);
  const [noting, setNoting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const focused = params.get('evidence');

  const codePoints = useMemo(() => Array.from(reader.data?.source.currentRevision.text ?? ''), [reader.data]);
  const paragraphs = reader.data?.source.currentRevision.blocks ?? [];
  const revisionId = reader.data?.source.currentRevision.id;
  const onText = (reader.data?.evidence ?? []).filter((e) => e.sourceRevision.id === revisionId && e.anchorStatus !== 'ORPHANED');
  const needsAttention = (reader.data?.evidence ?? []).filter((e) => e.anchorStatus !== 'ANCHORED');
  // Open notes on words of this text (an importer's new names and repeats among them) are drawn under those words.
  const notesOnText = (sourceNotes.data ?? []).filter((n) => !n.parentId && !n.resolved && n.span?.sourceRevisionId === revisionId);

  if (reader.isPending) return <Typography>Loading the text…</Typography>;
  if (reader.error || !reader.data) return <Alert severity="error">{(reader.error as Error)?.message ?? 'No text'}</Alert>;
  const { source } = reader.data;

  const onMouseUp = () => {
    const dom = window.getSelection();
    if (!dom || dom.isCollapsed || dom.rangeCount === 0 || !textRef.current?.contains(dom.anchorNode)) return;
    const range = dom.getRangeAt(0);
    let start = positionOf(range.startContainer, range.startOffset);
    let end = positionOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    while (start < end && /\s/.test(codePoints[start]!)) start += 1;
    while (end > start && /\s/.test(codePoints[end - 1]!)) end -= 1;
    if (end <= start) return;
    setPicked([]);
    setPickedNote(null);
    setNoting(false);
    setSelection({ sourceId: source.id, sourceTitle: source.title, sourceRevisionId: source.currentRevision.id, selector: selectorFor(codePoints, start, end) });
  };

  const openPiece = (event: MouseEvent, spans: ReaderEvidence[], notes: Note[]) => {
    if (window.getSelection()?.isCollapsed === false) return;
    event.stopPropagation();
    if (spans.length === 1 && notes.length === 0) navigate(`/${spans[0]!.record.kind}s/${spans[0]!.record.id}/show`);
    else {
      setPicked(spans);
      setPickedNote(notes[0] ?? null);
    }
  };

  const anchorAgain = async () => {
    if (!reselecting || !selection) return;
    try {
      await api.reselectEvidence({
        id: reselecting.id,
        expectedVersion: reselecting.version,
        sourceRevisionId: selection.sourceRevisionId,
        selector: { exact: selection.selector.exact, start: selection.selector.start, end: selection.selector.end },
        reason: 'Re-selected in the reader after a correction',
      });
      notify('Evidence anchored on the words you selected.', { type: 'success' });
      setReselecting(null);
      setSelection(null);
      await queryClient.invalidateQueries({ queryKey: ['reader', source.id] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const confirmWords = async (evidence: ReaderEvidence) => {
    try {
      await api.confirmEvidence({ id: evidence.id, expectedVersion: evidence.version });
      notify('Confirmed: the evidence rests on these words. Another reviewer must judge its record.', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['reader', source.id] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const renderParagraph = (paragraph: Paragraph, index: number) => {
    const inParagraph = (range: { start: number; end: number }) => range.start < paragraph.end && range.end > paragraph.start;
    const marks: Mark[] = [
      ...onText.filter((e) => inParagraph(e.selector)).map((evidence) => ({ evidence })),
      ...notesOnText.filter((n) => inParagraph(n.span!.selector)).map((note) => ({ note })),
    ];
    const marker = paragraph.kind === 'FURNITURE' ? 'page furniture' : paragraph.kind === 'REPEAT' ? `repeats ¶${paragraph.repeatOf! + 1}` : null;
    return (
      <Box
        key={index}
        component="span"
        data-kind={paragraph.kind}
        sx={{ display: 'inline', opacity: marker ? 0.5 : 1, fontStyle: paragraph.kind === 'FURNITURE' ? 'italic' : undefined }}
        title={marker ? `Shown dimmed: ${marker}` : undefined}
      >
        {marker ? (
          <Box component="span" contentEditable={false} sx={{ userSelect: 'none', fontSize: 11, fontFamily: 'system-ui', bgcolor: '#eceff1', px: 0.5, mr: 0.5, borderRadius: 1 }} aria-hidden>
            {marker}
          </Box>
        ) : null}
        {piecesOf(paragraph.start, paragraph.end, marks, rangeOfMark).map((piece) => {
          const evidence = piece.spans.flatMap((m) => ('evidence' in m ? [m.evidence] : []));
          const notes = piece.spans.flatMap((m) => ('note' in m ? [m.note] : []));
          return (
            <span
              key={piece.start}
              data-start={piece.start}
              data-evidence={evidence.map((s) => s.id).join(' ') || undefined}
              data-note={notes.map((n) => n.id).join(' ') || undefined}
              style={{ ...highlightStyle(evidence, focused), ...(notes.length ? NOTE_STYLE : {}) }}
              onClick={piece.spans.length ? (event) => openPiece(event, evidence, notes) : undefined}
              title={[...evidence.map((s) => `${s.record.kind}: ${s.record.label} (${label(s.record.status)})`), ...notes.map((n) => `note: ${n.body}`)].join('\n') || undefined}
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
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} alignItems="flex-start" data-testid="reader">
      <Paper variant="outlined" sx={{ p: 3, flex: '1 1 60%', maxWidth: '48rem' }}>
        <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="caption" color="text.secondary">
            Text v{source.currentRevision.number} · {codePoints.length.toLocaleString()} characters · {onText.length} highlighted quotes
          </Typography>
          {mayEdit ? (
            <Button size="small" onClick={() => setCorrecting(true)}>
              Correct the text
            </Button>
          ) : null}
        </Stack>
        <Box
          ref={textRef}
          onMouseUp={onMouseUp}
          data-testid="source-text"
          sx={{ whiteSpace: 'pre-wrap', fontFamily: 'Georgia, "Times New Roman", serif', fontSize: 17, lineHeight: 1.7 }}
        >
          {paragraphs.map(renderParagraph)}
        </Box>
      </Paper>

      <Stack spacing={2} sx={{ flex: '1 1 35%', position: { lg: 'sticky' }, top: { lg: 72 }, minWidth: 300 }}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle2" gutterBottom>
            Key
          </Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            <Box component="span" sx={{ bgcolor: tint(STATUS_COLOURS.VERIFIED!, '33'), px: 0.5 }}>claim</Box>
            <Box component="span" sx={{ borderBottom: `3px solid ${STATUS_COLOURS.VERIFIED}`, px: 0.5 }}>event</Box>
            {Object.keys(STATUS_COLOURS).map((status) => (
              <StatusChip key={status} status={status} />
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }}>
            Dimmed, marked paragraphs are page furniture or a repeat; they are kept as published. Select words to make a claim or an event from them.
          </Typography>
        </Paper>

        {selection ? (
          <Paper variant="outlined" sx={{ p: 2, borderColor: 'primary.main' }} data-testid="selection-actions">
            <Typography variant="subtitle2">Selected, characters {selection.selector.start}–{selection.selector.end}</Typography>
            <Typography sx={{ fontFamily: 'Georgia, serif', my: 1 }}>“{selection.selector.exact}”</Typography>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
              {reselecting ? (
                <Button variant="contained" size="small" onClick={anchorAgain}>
                  Anchor “{reselecting.record.label.slice(0, 30)}” here
                </Button>
              ) : null}
              {mayEdit ? (
                <>
                  <Button variant="contained" size="small" onClick={() => navigate('/claims/create', { state: { selection } })}>
                    New claim from selection
                  </Button>
                  <Button variant="outlined" size="small" onClick={() => navigate('/events/create', { state: { selection } })}>
                    New event from selection
                  </Button>
                </>
              ) : null}
              <Button size="small" onClick={() => setNoting(true)}>
                Note on these words
              </Button>
              <Button size="small" onClick={() => setSelection(null)}>
                Clear
              </Button>
            </Stack>
            {mayEdit && !reselecting ? (
              <AttachEvidence
                selection={selection}
                onDone={() => {
                  setSelection(null);
                  void queryClient.invalidateQueries({ queryKey: ['reader', source.id] });
                }}
              />
            ) : null}
            {noting ? (
              <Box sx={{ mt: 2 }}>
                <NoteThreads target={{ targetType: 'SOURCE', targetId: source.id }} span={{ sourceId: source.id, sourceRevisionId: selection.sourceRevisionId, selector: selection.selector }} heading="Notes on these words" />
              </Box>
            ) : null}
          </Paper>
        ) : null}

        {pickedNote ? (
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="picked-note">
            <NoteThreads target={{ targetType: 'SOURCE', targetId: source.id }} span={{ ...pickedNote.span!, sourceId: source.id }} heading={`Notes on “${pickedNote.span!.selector.exact.slice(0, 60)}”`} />
          </Paper>
        ) : null}

        {picked.length > 0 ? (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle2">These words support</Typography>
            {picked.map((span) => (
              <Stack key={span.id} direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
                <StatusChip status={span.record.status} />
                <MuiLink component={Link} to={`/${span.record.kind}s/${span.record.id}/show`}>
                  {span.record.kind}: {span.record.label.slice(0, 80)}
                </MuiLink>
              </Stack>
            ))}
          </Paper>
        ) : null}

        {needsAttention.length > 0 ? (
          <Paper variant="outlined" sx={{ p: 2, borderColor: 'warning.main' }} data-testid="needs-attention">
            <Typography variant="subtitle2">Evidence to confirm or select again ({needsAttention.length})</Typography>
            {needsAttention.map((evidence) => (
              <Box key={evidence.id} sx={{ mt: 1 }}>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Chip size="small" label={label(evidence.anchorStatus)} sx={{ bgcolor: ANCHOR_COLOURS[evidence.anchorStatus], color: '#fff' }} />
                  <MuiLink component={Link} to={`/${evidence.record.kind}s/${evidence.record.id}/show`} variant="body2">
                    {evidence.record.label.slice(0, 60)}
                  </MuiLink>
                </Stack>
                <Typography variant="body2" sx={{ fontFamily: 'Georgia, serif' }}>
                  “{evidence.selector.exact}”{evidence.anchorStatus === 'ORPHANED' ? ` (on text v${evidence.sourceRevision.number})` : ''}
                </Typography>
                {mayEdit ? (
                  <Stack direction="row" spacing={1}>
                    {evidence.anchorStatus === 'FUZZY' ? (
                      <Button size="small" variant="outlined" onClick={() => confirmWords(evidence)}>
                        Confirm these words
                      </Button>
                    ) : null}
                    <Button size="small" onClick={() => { setReselecting(evidence); notify('Select the words it rests on in the text, then press “Anchor here”.', { type: 'info' }); }}>
                      Select again
                    </Button>
                  </Stack>
                ) : null}
              </Box>
            ))}
          </Paper>
        ) : null}
        <Divider />
      </Stack>
      {correcting ? (
        <CorrectTextDialog
          source={source}
          onClose={() => setCorrecting(false)}
          onDone={() => queryClient.invalidateQueries({ queryKey: ['reader', source.id] })}
        />
      ) : null}
    </Stack>
  );
}
