import { useTranslate } from 'react-admin';

/** "4 claims and 1 event proposed", each count with its noun agreeing. */
export function ProposedCounts({ claims, events }: { claims: number | null; events: number | null }) {
  const translate = useTranslate();
  return (
    <>
      {translate('console.ingest.proposed', {
        claims: translate('console.ingest.claims', { smart_count: claims ?? 0 }),
        events: translate('console.ingest.events', { smart_count: events ?? 0 }),
      })}
    </>
  );
}
