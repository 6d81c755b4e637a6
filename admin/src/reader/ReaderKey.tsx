import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { StatusChip } from '../common/status';
import { STATUS_COLOURS } from '../theme';
import { tint } from './HighlightedText';

/** How to read the highlights. */
export function ReaderKey() {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('console.reader.key.title')}
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <Box component="span" sx={{ bgcolor: tint(STATUS_COLOURS.VERIFIED!, '33'), px: 0.5 }}>
          {translate('console.reader.kinds.claim')}
        </Box>
        <Box component="span" sx={{ borderBottom: `3px solid ${STATUS_COLOURS.VERIFIED}`, px: 0.5 }}>
          {translate('console.reader.kinds.event')}
        </Box>
        {Object.keys(STATUS_COLOURS).map((status) => (
          <StatusChip key={status} status={status} />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }}>
        {translate('console.reader.key.dimmed')}
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }} id="reader-keys">
        {translate('console.reader.key.keyboard')}
      </Typography>
    </Paper>
  );
}
