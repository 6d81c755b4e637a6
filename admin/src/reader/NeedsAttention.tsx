import { Box, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { Link, useNotify, useTranslate } from 'react-admin';

import { StatusChip } from '../common/status';
import type { EvidenceActions } from './useEvidenceActions';
import type { ReaderEvidence } from './useReaderData';

interface Props {
  evidence: ReaderEvidence[];
  actions: EvidenceActions;
  onReselect: (evidence: ReaderEvidence) => void;
  mayEdit: boolean;
}

/** Quotes a correction moved (fuzzy) or lost (orphaned): an editor confirms the words or selects them again. */
export function NeedsAttention({ evidence, actions, onReselect, mayEdit }: Props) {
  const notify = useNotify();
  const translate = useTranslate();
  if (evidence.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2, borderColor: 'warning.main' }} data-testid="needs-attention">
      <Typography variant="subtitle2">{translate('console.reader.attention.title', { smart_count: evidence.length })}</Typography>
      {evidence.map((item) => (
        <Box key={item.id} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={1} alignItems="center">
            <StatusChip status={item.anchorStatus} />
            <MuiLink component={Link} to={`/${item.record.kind}s/${item.record.id}/show`} variant="body2">
              {item.record.label.slice(0, 60)}
            </MuiLink>
          </Stack>
          <Typography variant="body2" sx={{ fontFamily: 'Georgia, serif' }}>
            “{item.selector.exact}”
            {item.anchorStatus === 'ORPHANED' ? translate('console.reader.attention.onText', { number: item.sourceRevision.number }) : ''}
          </Typography>
          {mayEdit ? (
            <Stack direction="row" spacing={1}>
              {item.anchorStatus === 'FUZZY' ? (
                <Button size="small" variant="outlined" onClick={() => actions.confirmWords(item)}>
                  {translate('console.reader.attention.confirm')}
                </Button>
              ) : null}
              <Button
                size="small"
                onClick={() => {
                  onReselect(item);
                  notify('console.reader.attention.selectHint', { type: 'info' });
                }}
              >
                {translate('console.reader.attention.selectAgain')}
              </Button>
            </Stack>
          ) : null}
        </Box>
      ))}
    </Paper>
  );
}
