import { Box, Paper, Stack, Typography } from '@mui/material';

import { StatusChip } from '../common/status';
import { STATUS_COLOURS } from '../theme';
import { tint } from './HighlightedText';

/** How to read the highlights. */
export function ReaderKey() {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle2" gutterBottom>
        Key
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <Box component="span" sx={{ bgcolor: tint(STATUS_COLOURS.VERIFIED!, '33'), px: 0.5 }}>
          claim
        </Box>
        <Box component="span" sx={{ borderBottom: `3px solid ${STATUS_COLOURS.VERIFIED}`, px: 0.5 }}>
          event
        </Box>
        {Object.keys(STATUS_COLOURS).map((status) => (
          <StatusChip key={status} status={status} />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }}>
        Dimmed, marked paragraphs are page furniture or a repeat; they are kept as published. Select words to make a claim or an event from
        them.
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }} id="reader-keys">
        Keyboard: Tab reaches the text and each highlight, Enter opens a highlight; the arrow keys move the caret, Shift+arrows select words
        (Ctrl for whole words), then Enter reaches what to do with them and Escape closes it.
      </Typography>
    </Paper>
  );
}
