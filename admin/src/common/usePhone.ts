import { type Theme, useMediaQuery } from '@mui/material';

/** Below the small breakpoint (a 390 px phone), where a grid's columns would be cut off: lists show rows as lines. */
export const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
