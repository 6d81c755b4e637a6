import { Alert, Button, Divider, Paper, Popper, Stack, Typography } from '@mui/material';
import { useMemo, useRef, useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { useNotes } from '../annotations/AnnotationsPanel';
import { useDates } from '../common/dates';
import { CorrectTextDialog } from './CorrectTextDialog';
import { HighlightedText, rangeOf } from './HighlightedText';
import { selectorFor } from './layout';
import { NeedsAttention } from './NeedsAttention';
import { PickedWords } from './PickedWords';
import { ReaderKey } from './ReaderKey';
import { SelectionActions } from './SelectionActions';
import { useEvidenceActions } from './useEvidenceActions';
import { useReaderData } from './useReaderData';
import { useReaderSelection } from './useReaderSelection';

/**
 * Where the selection's actions open: level with the selected words, beside the text's column where there is room
 * (over the side column), else under the words; kept inside the screen below the app bar, wherever the words are.
 */
function besideSelection(text: HTMLElement | null, span: { start: number; end: number }) {
  if (!text) return null;
  return {
    contextElement: text,
    getBoundingClientRect: () => {
      const words = rangeOf(text, span)?.getBoundingClientRect() ?? text.getBoundingClientRect();
      const column = text.getBoundingClientRect();
      return DOMRect.fromRect({ x: column.left, y: words.top, width: column.width, height: words.height });
    },
  };
}

const PANEL_PLACEMENT = [
  { name: 'offset', options: { offset: [0, 16] } },
  { name: 'flip', options: { fallbackPlacements: ['bottom-start', 'top-start'] } },
  { name: 'preventOverflow', options: { padding: { top: 72, bottom: 8, left: 8, right: 8 }, altAxis: true } },
];

/** A source's text with what rests on it: select words to make records of them, click highlights to see which. */
export default function SourceReader() {
  const record = useRecordContext();
  const sourceId = record?.id === undefined ? undefined : String(record.id);
  const reader = useReaderData(sourceId);
  const navigate = useNavigate();
  const translate = useTranslate();
  const dates = useDates();
  const [params] = useSearchParams();
  const { canAccess: mayEdit = false } = useCanAccess({ resource: 'claims', action: 'create' });
  const selected = useReaderSelection();
  const actions = useEvidenceActions(sourceId ?? '');
  const sourceNotes = useNotes({ targetType: 'SOURCE', targetId: sourceId ?? '' }, sourceId !== undefined);
  const [correcting, setCorrecting] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const span = selected.selection?.selector;
  const panelAnchor = useMemo(() => (span ? besideSelection(textRef.current, span) : null), [span]);

  const codePoints = useMemo(() => Array.from(reader.data?.source.currentRevision.text ?? ''), [reader.data]);
  const revisionId = reader.data?.source.currentRevision.id;
  const onText = (reader.data?.evidence ?? []).filter((e) => e.sourceRevision.id === revisionId && e.anchorStatus !== 'ORPHANED');
  const needsAttention = (reader.data?.evidence ?? []).filter((e) => e.anchorStatus !== 'ANCHORED');
  // Open notes on words of this text (an importer's new names and repeats among them) are drawn under those words.
  const notesOnText = (sourceNotes.data ?? []).filter((n) => !n.parentId && !n.resolved && n.span?.sourceRevisionId === revisionId);

  if (reader.isPending) return <Typography>{translate('console.reader.loading')}</Typography>;
  if (reader.error || !reader.data)
    return <Alert severity="error">{translate((reader.error as Error)?.message ?? 'console.reader.noText')}</Alert>;
  const { source } = reader.data;

  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} alignItems="flex-start" data-testid="reader">
      <Paper variant="outlined" sx={{ p: 3, flex: '1 1 60%', maxWidth: '48rem' }}>
        <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('console.reader.summary', {
              number: source.currentRevision.number,
              characters: translate('console.reader.characters', {
                smart_count: codePoints.length,
                count: dates.number(codePoints.length),
              }),
              quotes: translate('console.reader.quotes', { smart_count: onText.length }),
            })}
          </Typography>
          {mayEdit ? (
            <Button size="small" onClick={() => setCorrecting(true)}>
              {translate('console.reader.correct.open')}
            </Button>
          ) : null}
        </Stack>
        <HighlightedText
          codePoints={codePoints}
          paragraphs={source.currentRevision.blocks}
          evidence={onText}
          notes={notesOnText}
          focused={params.get('evidence')}
          onSelect={({ start, end }) =>
            selected.select({
              sourceId: source.id,
              sourceTitle: source.title,
              sourceRevisionId: source.currentRevision.id,
              selector: selectorFor(codePoints, start, end),
            })
          }
          onPick={selected.pick}
          onOpen={(evidence) => navigate(`/${evidence.record.kind}s/${evidence.record.id}/show`)}
          onAct={() => panelRef.current?.querySelector<HTMLElement>('button')?.focus()}
          textRef={textRef}
        />
        {selected.selection && panelAnchor ? (
          <Popper
            open
            disablePortal
            anchorEl={panelAnchor}
            placement="right-start"
            modifiers={PANEL_PLACEMENT}
            sx={{ zIndex: 'appBar', width: 'min(26rem, calc(100vw - 16px))' }}
          >
            <SelectionActions
              panelRef={panelRef}
              sourceId={source.id}
              selection={selected.selection}
              reader={selected}
              actions={actions}
              mayEdit={mayEdit}
              onClose={() => {
                selected.clear();
                textRef.current?.focus({ preventScroll: true });
              }}
            />
          </Popper>
        ) : null}
      </Paper>

      <Stack spacing={2} sx={{ flex: '1 1 35%', position: { lg: 'sticky' }, top: { lg: 72 }, minWidth: 300 }}>
        <ReaderKey />
        <PickedWords sourceId={source.id} picked={selected.picked} pickedNote={selected.pickedNote} />
        <NeedsAttention evidence={needsAttention} actions={actions} onReselect={selected.reselect} mayEdit={mayEdit} />
        <Divider />
      </Stack>
      {correcting ? <CorrectTextDialog source={source} onClose={() => setCorrecting(false)} onDone={actions.redraw} /> : null}
    </Stack>
  );
}
