import { Typography, type TypographyProps } from '@mui/material';

/** Quoted words marked, with the text around them greyed: how every screen shows what a record rests on. */
export function QuoteInContext({ before, exact, after, ...props }: { before: string; exact: string; after: string } & TypographyProps) {
  return (
    <Typography {...props} sx={{ fontFamily: 'Georgia, serif', ...props.sx }}>
      <span style={{ color: '#777' }}>…{before}</span>
      <mark>{exact}</mark>
      <span style={{ color: '#777' }}>{after}…</span>
    </Typography>
  );
}
