import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useRefresh, useResourceContext } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { resourceDefinition } from '../providers/resources';
import { ReviewActions } from './ReviewActions';

/** Operations that change what a record says; whoever made the last of them may not judge it. */
const CONTENT_CHANGES = new Set(['CREATE', 'UPDATE', 'RESTORE', 'MERGE', 'REANCHOR']);

/** The reviewer's decision on the record shown: verify, dispute or reject it in review, retract it once verified. */
export function RecordReview() {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefresh();
  const { recordType } = resourceDefinition(resource);
  const history = useQuery({
    queryKey: ['revisions', recordType, record?.id, record?.version],
    queryFn: () => dataProvider.revisions({ recordType, recordId: record!.id }),
    enabled: Boolean(record) && (record?.status === 'IN_REVIEW' || record?.status === 'VERIFIED'),
  });
  if (!record || record.deletedAt || !history.data) return null;
  const lastEdit = [...history.data].reverse().find((revision) => CONTENT_CHANGES.has(revision.operation));
  return <ReviewActions record={{ id: String(record.id), version: record.version, status: record.status }} lastEditedBy={lastEdit?.actor ?? null} onDone={refresh} />;
}
