import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { RefObject } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { NoteThreads } from '../annotations/AnnotationsPanel';
import type { Selection } from '../common/SelectionHeader';
import { AttachEvidence } from './AttachEvidence';
import type { EvidenceActions } from './useEvidenceActions';
import type { ReaderSelectionState } from './useReaderSelection';

interface Props {
  sourceId: string;
  selection: Selection;
  reader: ReaderSelectionState;
  actions: EvidenceActions;
  mayEdit: boolean;
  panelRef: RefObject<HTMLDivElement | null>;
  /** Escape or Clear: the panel closes and the keyboard goes back to the text. */
  onClose: () => void;
}

/** What can be made of the selected words: a claim or an event, evidence for an existing one, a note, or a new anchor. */
export function SelectionActions({ sourceId, selection, reader, actions, mayEdit, panelRef, onClose }: Props) {
  const navigate = useNavigate();
  const translate = useTranslate();
  const { reselecting } = reader;
  return (
    <Paper
      ref={panelRef}
      elevation={8}
      role="region"
      aria-label={translate('console.reader.selection.label')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      sx={{ p: 2, border: 1, borderColor: 'primary.main', maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}
      data-testid="selection-actions"
    >
      <Typography variant="subtitle2">
        {translate('console.reader.selection.characters', { start: selection.selector.start, end: selection.selector.end })}
      </Typography>
      <Typography sx={{ fontFamily: 'Georgia, serif', my: 1 }}>“{selection.selector.exact}”</Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        {reselecting ? (
          <Button variant="contained" size="small" onClick={() => actions.anchorAgain(reselecting, selection, reader.anchored)}>
            {translate('console.reader.selection.anchorHere', { label: reselecting.record.label.slice(0, 30) })}
          </Button>
        ) : null}
        {mayEdit ? (
          <>
            <Button variant="contained" size="small" onClick={() => navigate('/claims/create', { state: { selection } })}>
              {translate('console.reader.selection.newClaim')}
            </Button>
            <Button variant="outlined" size="small" onClick={() => navigate('/events/create', { state: { selection } })}>
              {translate('console.reader.selection.newEvent')}
            </Button>
          </>
        ) : null}
        <Button size="small" onClick={reader.note}>
          {translate('console.reader.selection.note')}
        </Button>
        <Button size="small" onClick={onClose}>
          {translate('console.reader.selection.clear')}
        </Button>
      </Stack>
      {mayEdit && !reselecting ? (
        <AttachEvidence
          selection={selection}
          onDone={() => {
            reader.clear();
            void actions.redraw();
          }}
        />
      ) : null}
      {reader.noting ? (
        <Box sx={{ mt: 2 }}>
          <NoteThreads
            target={{ targetType: 'SOURCE', targetId: sourceId }}
            span={{ sourceId, sourceRevisionId: selection.sourceRevisionId, selector: selection.selector }}
            heading={translate('console.reader.selection.notes')}
          />
        </Box>
      ) : null}
    </Paper>
  );
}
