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

export function quoteSeenBy(
  viewer: Viewer,
  evidence: Pick<Evidence, 'sourceRevisionId' | 'exact' | 'prefix' | 'suffix' | 'startPos' | 'endPos' | 'anchorStatus' | 'verifiedQuote'>,
): SeenQuote {
  const verified = verifiedQuoteSeenBy(viewer, evidence);
  if (verified) {
    const { sourceRevisionId, ...selector } = verified;
    // Verified words on their own snapshot stood there when verified, and snapshots never change.
    return { sourceRevisionId, selector, anchorStatus: AnchorStatus.ANCHORED, asVerified: true };
  }
  return {
    sourceRevisionId: evidence.sourceRevisionId,
    selector: { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos },
    anchorStatus: evidence.anchorStatus,
    asVerified: false,
  };
}
