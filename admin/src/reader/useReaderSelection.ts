import { useReducer } from 'react';

import type { Note } from '../annotations/AnnotationsPanel';
import type { Selection } from '../common/SelectionHeader';
import type { ReaderEvidence } from './useReaderData';

/**
 * What the editor is doing with the text: words selected (to make a record, add evidence or a note, or anchor an
 * evidence again), or highlights clicked (the records and note on those words). Selecting drops what was clicked.
 */
interface ReaderSelection {
  selection: Selection | null;
  picked: ReaderEvidence[];
  pickedNote: Note | null;
  /** The evidence to anchor on the next selection, once its words changed. */
  reselecting: ReaderEvidence | null;
  /** Notes on the selected words are open. */
  noting: boolean;
}

type Action =
  | { type: 'select'; selection: Selection }
  | { type: 'pick'; spans: ReaderEvidence[]; note: Note | null }
  | { type: 'clear' }
  | { type: 'note' }
  | { type: 'reselect'; evidence: ReaderEvidence }
  | { type: 'anchored' };

const NOTHING: ReaderSelection = { selection: null, picked: [], pickedNote: null, reselecting: null, noting: false };

function reduce(state: ReaderSelection, action: Action): ReaderSelection {
  switch (action.type) {
    case 'select':
      return { ...state, selection: action.selection, picked: [], pickedNote: null, noting: false };
    case 'pick':
      return { ...state, picked: action.spans, pickedNote: action.note };
    case 'clear':
      return { ...state, selection: null };
    case 'note':
      return { ...state, noting: true };
    case 'reselect':
      return { ...state, reselecting: action.evidence };
    case 'anchored':
      return { ...state, reselecting: null, selection: null };
  }
}

export function useReaderSelection() {
  const [state, dispatch] = useReducer(reduce, NOTHING);
  return {
    ...state,
    select: (selection: Selection) => dispatch({ type: 'select', selection }),
    pick: (spans: ReaderEvidence[], notes: Note[]) => dispatch({ type: 'pick', spans, note: notes[0] ?? null }),
    clear: () => dispatch({ type: 'clear' }),
    note: () => dispatch({ type: 'note' }),
    reselect: (evidence: ReaderEvidence) => dispatch({ type: 'reselect', evidence }),
    anchored: () => dispatch({ type: 'anchored' }),
  };
}

export type ReaderSelectionState = ReturnType<typeof useReaderSelection>;
