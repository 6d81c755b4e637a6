import { Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

import { type Note, NoteThreads } from '../annotations/AnnotationsPanel';
import { StatusChip } from '../common/status';
import type { ReaderEvidence } from './useReaderData';

/** Highlighted words clicked: the notes on them, and the claims and events they support. */
export function PickedWords({ sourceId, picked, pickedNote }: { sourceId: string; picked: ReaderEvidence[]; pickedNote: Note | null }) {
  const translate = useTranslate();
  return (
    <>
      {pickedNote ? (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="picked-note">
          <NoteThreads
            target={{ targetType: 'SOURCE', targetId: sourceId }}
            span={{ ...pickedNote.span!, sourceId }}
            heading={translate('console.reader.picked.notes', { words: pickedNote.span!.selector.exact.slice(0, 60) })}
          />
        </Paper>
      ) : null}

      {picked.length > 0 ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle2">{translate('console.reader.picked.support')}</Typography>
          {picked.map((span) => (
            <Stack key={span.id} direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
              <StatusChip status={span.record.status} />
              <MuiLink component={Link} to={`/${span.record.kind}s/${span.record.id}/show`}>
                {translate(`console.reader.kinds.${span.record.kind}`)}: {span.record.label.slice(0, 80)}
              </MuiLink>
            </Stack>
          ))}
        </Paper>
      ) : null}
    </>
  );
}
