import { Alert, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';

import { QuoteInContext } from './QuoteInContext';

/** What the reader hands to a new claim or event: the words selected, where, and a little context. */
export interface Selection {
  sourceId: string;
  sourceTitle: string;
  sourceRevisionId: string;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
}

export function useSelection(): Selection | null {
  const location = useLocation();
  return (location.state as { selection?: Selection } | null)?.selection ?? null;
}

export function SelectionHeader({ selection }: { selection: Selection }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" icon={false} sx={{ mb: 2, width: '100%' }} data-testid="selection">
      <Typography variant="caption">
        {translate('console.common.selection.from', {
          title: selection.sourceTitle,
          start: selection.selector.start,
          end: selection.selector.end,
        })}
      </Typography>
      <QuoteInContext before={selection.selector.prefix} exact={selection.selector.exact} after={selection.selector.suffix} />
    </Alert>
  );
}

/** The evidence input of `createClaim` and `createEvent` for the selected words. */
export const evidenceFor = (selection: Selection | null) =>
  selection
    ? [
        {
          sourceRevisionId: selection.sourceRevisionId,
          selector: { exact: selection.selector.exact, start: selection.selector.start, end: selection.selector.end },
        },
      ]
    : undefined;

/** A record made without a selection has no evidence yet: say where evidence comes from. */
export function NoSelectionHint({ kind }: { kind: 'claim' | 'event' }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate(`console.common.selection.hint.${kind}`)}
    </Alert>
  );
}
