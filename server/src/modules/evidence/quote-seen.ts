import type { Viewer } from '../../core/access/viewer.js';
import type { TextSelector } from '../../core/anchoring/text-quote.js';
import { verifiedQuoteSeenBy } from '../../core/visibility/visibility.js';
import type { Evidence } from './evidence.entity.js';
import { AnchorStatus } from './evidence.enums.js';

/** The words of an evidence as a viewer reads them, on every path (the API, exports, receipts). */
export interface SeenQuote {
  sourceRevisionId: string;
  selector: TextSelector;
  anchorStatus: AnchorStatus;
  /** Whether these are the words its record was verified on, which a correction of the source has since reworded. */
  asVerified: boolean;
}

type Quoted = Pick<Evidence, 'verifiedQuote'>;

// Each part reads only the columns it shows, so that a field read in part reads no more (test/includes.test.ts).

export function snapshotIdSeenBy(viewer: Viewer, evidence: Quoted & Pick<Evidence, 'sourceRevisionId'>): string {
  return verifiedQuoteSeenBy(viewer, evidence)?.sourceRevisionId ?? evidence.sourceRevisionId;
}

export function selectorSeenBy(
  viewer: Viewer,
  evidence: Quoted & Pick<Evidence, 'exact' | 'prefix' | 'suffix' | 'startPos' | 'endPos'>,
): TextSelector {
  const verified = verifiedQuoteSeenBy(viewer, evidence);
  if (verified)
    return { exact: verified.exact, prefix: verified.prefix, suffix: verified.suffix, start: verified.start, end: verified.end };
  return { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos };
}

/** Verified words on their own snapshot stood there when verified, and snapshots never change. */
export function anchorStatusSeenBy(viewer: Viewer, evidence: Quoted & Pick<Evidence, 'anchorStatus'>): AnchorStatus {
  return verifiedQuoteSeenBy(viewer, evidence) ? AnchorStatus.ANCHORED : evidence.anchorStatus;
}

export function quoteSeenBy(
  viewer: Viewer,
  evidence: Quoted & Pick<Evidence, 'sourceRevisionId' | 'exact' | 'prefix' | 'suffix' | 'startPos' | 'endPos' | 'anchorStatus'>,
): SeenQuote {
  return {
    sourceRevisionId: snapshotIdSeenBy(viewer, evidence),
    selector: selectorSeenBy(viewer, evidence),
    anchorStatus: anchorStatusSeenBy(viewer, evidence),
    asVerified: verifiedQuoteSeenBy(viewer, evidence) !== null,
  };
}
