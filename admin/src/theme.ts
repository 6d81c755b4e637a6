import type { Theme } from '@mui/material';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * One colour per review status, shared by chips, highlights in the reader and the dashboard. Each carries white
 * text at 4.5:1 or more (WCAG 2.2 AA): the first draft's grey and amber gave 3.24:1 and 3.46:1.
 */
export const STATUS_COLOURS: Record<string, string> = {
  DRAFT: '#5f6670',
  IN_REVIEW: '#9a5800',
  VERIFIED: '#2e7d32',
  DISPUTED: '#b23c17',
  REJECTED: '#6d1b1b',
  RETRACTED: '#5b3a8c',
};

export const ANCHOR_COLOURS: Record<string, string> = { ANCHORED: '#2e7d32', FUZZY: '#9a5800', ORPHANED: '#b71c1c' };

/**
 * Text that stands back from what it surrounds (a quote's context, a dimmed paragraph): 7:1 on white, and still 5.3:1
 * where a highlight's tint lies under a dimmed paragraph (#666 read 4.33:1 on a record in review's).
 */
export const QUIET_TEXT = '#595959';

/** How a focused element the browser does not outline itself (a row, a highlight in the text) shows it has focus. */
export const FOCUS_RING = { outline: '2px solid #1f4e79', outlineOffset: 2 } as const;

export const theme: RaThemeOptions = {
  ...defaultTheme,
  // The error red is darker than MUI's #d32f2f, which gave a form toolbar's Delete 3.77:1 on its grey; the info blue
  // darker than MUI's, on which a running check's white chip label read 4.12:1.
  palette: { primary: { main: '#1f4e79' }, secondary: { main: '#1f4e79' }, error: { main: '#b3261e' }, info: { main: '#01579b' } },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  components: {
    ...defaultTheme.components,
    // A spinner is announced as what it is; without a name a screen reader says only "progress bar".
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    // On a phone a table's columns share the screen's width: long words break and cells keep less padding, where
    // they made the review queue's "Before / Now" table 40 px wider than its card.
    MuiTableCell: {
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          [theme.breakpoints.down('sm')]: { overflowWrap: 'anywhere', paddingLeft: 8, paddingRight: 8 },
        }),
      },
    },
    // A chip naming a record (an event's title on a claim's page) wraps on a phone, where it was cut off with an ellipsis.
    MuiChip: {
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          [theme.breakpoints.down('sm')]: {
            maxWidth: '100%',
            height: 'auto',
            minHeight: 24,
            '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
          },
        }),
      },
    },
    MuiTableRow: { styleOverrides: { root: { '&:focus-visible': { ...FOCUS_RING, outlineOffset: -2 } } } },
    // react-admin draws an empty list's message in the disabled grey (2.67:1); it is text people read.
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
  },
};
