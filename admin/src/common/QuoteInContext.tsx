import { Typography, type TypographyProps } from '@mui/material';

import { QUIET_TEXT } from '../theme';

/** Quoted words marked, with the text around them greyed: how every screen shows what a record rests on. */
export function QuoteInContext({ before, exact, after, ...props }: { before: string; exact: string; after: string } & TypographyProps) {
  return (
    <Typography {...props} sx={{ fontFamily: 'Georgia, serif', ...props.sx }}>
      <span style={{ color: QUIET_TEXT }}>…{before}</span>
      <mark>{exact}</mark>
      <span style={{ color: QUIET_TEXT }}>{after}…</span>
    </Typography>
  );
}
