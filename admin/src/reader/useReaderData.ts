import { useQuery } from '@tanstack/react-query';

import type { ReaderClaimsQuery, ReaderSourceQuery } from '../gql/graphql';
import { useApi } from '../providers/useApi';

type Evidence = ReaderClaimsQuery['claims']['edges'][number]['node']['evidence'][number];

/** A quote on the text, with the claim or event it supports. */
export interface ReaderEvidence extends Evidence {
  record: { kind: 'claim' | 'event'; id: string; label: string; status: string };
}

export interface ReaderData {
  source: NonNullable<ReaderSourceQuery['source']>;
  evidence: ReaderEvidence[];
}

export function useReaderData(sourceId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reader', sourceId],
    enabled: Boolean(sourceId),
    queryFn: async (): Promise<ReaderData> => {
      const [source, [claims, events]] = await Promise.all([api.readerSource(sourceId!), api.readerRecords(sourceId!)]);
      if (!source) throw new Error('console.reader.noText');
      const evidence: ReaderEvidence[] = [
        ...claims.flatMap((claim) =>
          claim.evidence.map((e) => ({ ...e, record: { kind: 'claim' as const, id: claim.id, label: claim.text, status: claim.status } })),
        ),
        ...events.flatMap((event) =>
          event.evidence.map((e) => ({ ...e, record: { kind: 'event' as const, id: event.id, label: event.title, status: event.status } })),
        ),
      ];
      return { source, evidence };
    },
  });
}
