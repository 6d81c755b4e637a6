import { Alert } from '@mui/material';
import { useRecordContext } from 'react-admin';

/**
 * Staff read a record's evidence as a correction of its source left it, while client apps still read the version a
 * reviewer verified: the page says so, or an editor would take the fuzzy words for what the public sees.
 */
export function ReReviewNotice() {
  const record = useRecordContext<{ id: string; reReview?: { since: string; note: string } | null }>();
  if (!record?.reReview) return null;
  return (
    <Alert severity="info" data-testid="re-review-notice">
      Client apps still see the last verified version: the source was corrected on {new Date(record.reReview.since).toLocaleString()},
      rewording words this record rests on, and they read the words it was verified on until a reviewer judges it again. It is in the review
      queue; the evidence below is as the correction left it.
    </Alert>
  );
}
