import { Alert } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { useDates } from './dates';

/**
 * Staff read a record's evidence as a correction of its source left it, while client apps still read the version a
 * reviewer verified: the page says so, or an editor would take the fuzzy words for what the public sees.
 */
export function ReReviewNotice() {
  const record = useRecordContext<{ id: string; reReview?: { since: string; note: string } | null }>();
  const translate = useTranslate();
  const dates = useDates();
  if (!record?.reReview) return null;
  return (
    <Alert severity="info" data-testid="re-review-notice">
      {translate('console.common.reReview', { since: dates.moment(record.reReview.since) })}
    </Alert>
  );
}
