import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';

import type { Selection } from '../common/SelectionHeader';
import { useApi } from '../providers/useApi';
import type { ReaderEvidence } from './useReaderData';

/** What an editor does to evidence from the reader: each says how it went, then redraws the text. */
export function useEvidenceActions(sourceId: string) {
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const redraw = () => queryClient.invalidateQueries({ queryKey: ['reader', sourceId] });
  const run = async (change: () => Promise<void>, done: string, after: () => void = () => undefined) => {
    try {
      await change();
      notify(done, { type: 'success' });
      after();
      await redraw();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return {
    redraw,
    /** Anchors evidence whose words a correction changed on the words now selected. */
    anchorAgain: (evidence: ReaderEvidence, selection: Selection, after: () => void) =>
      run(
        () =>
          api.reselectEvidence({
            id: evidence.id,
            expectedVersion: evidence.version,
            sourceRevisionId: selection.sourceRevisionId,
            selector: { exact: selection.selector.exact, start: selection.selector.start, end: selection.selector.end },
            reason: translate('console.reader.actions.reselectReason'),
          }),
        'console.reader.actions.anchored',
        after,
      ),
    confirmWords: (evidence: ReaderEvidence) =>
      run(() => api.confirmEvidence({ id: evidence.id, expectedVersion: evidence.version }), 'console.reader.actions.confirmed'),
  };
}

export type EvidenceActions = ReturnType<typeof useEvidenceActions>;
