import { useRecordContext, useRefresh } from 'react-admin';

import { ReviewActions } from './ReviewActions';

/** The reviewer's decision on the record shown: verify, dispute or reject it in review, retract it once verified. */
export function RecordReview() {
  const record = useRecordContext();
  const refresh = useRefresh();
  if (!record || record.deletedAt) return null;
  // The server names who last changed what the record says, its evidence included: the one who may not judge it.
  return (
    <ReviewActions
      record={{ id: String(record.id), version: record.version, status: record.status }}
      lastEditedBy={record.lastEditedBy ?? null}
      onDone={refresh}
    />
  );
}
