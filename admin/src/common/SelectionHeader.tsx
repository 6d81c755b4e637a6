import { Alert, Typography } from '@mui/material';
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
  return (
    <Alert severity="info" icon={false} sx={{ mb: 2, width: '100%' }} data-testid="selection">
      <Typography variant="caption">
        Evidence from {selection.sourceTitle}, characters {selection.selector.start}–{selection.selector.end}
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
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      A {kind} rests on words in a source. To make it with its evidence in one step, open the source in the reader, select the words and
      choose “New {kind} from selection”. Made here, it has no evidence until you add some from the reader.
    </Alert>
  );
}
