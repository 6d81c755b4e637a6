import { useQuery } from '@tanstack/react-query';
import { graphql } from '../providers/graphql';
import type { Paragraph } from './layout';

export interface ReaderEvidence {
  id: string;
  version: number;
  anchorStatus: 'ANCHORED' | 'FUZZY' | 'ORPHANED';
  selector: { exact: string; start: number; end: number };
  sourceRevision: { id: string; number: number };
  record: { kind: 'claim' | 'event'; id: string; label: string; status: string };
}

export interface ReaderData {
  source: { id: string; version: number; title: string; currentRevision: { id: string; number: number; text: string; blocks: Paragraph[] } };
  evidence: ReaderEvidence[];
}

const EVIDENCE = 'evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } }';
/** Within the API's query cost limit with the evidence of each record. */
const PAGE = 50;

/** Every claim and event with words in this source, page after page, so every span can be drawn. */
async function allOf(kind: 'claims' | 'events', sourceId: string, fields: string) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await graphql(
      `query Of($filter: ${kind === 'claims' ? 'ClaimFilter' : 'EventFilter'}, $after: String) {
        list: ${kind}(filter: $filter, first: ${PAGE}, after: $after) { edges { node { ${fields} ${EVIDENCE} } } pageInfo { hasNextPage endCursor } }
      }`,
      { filter: { sourceId }, after },
    );
    nodes.push(...data.list.edges.map((edge: any) => edge.node));
    if (!data.list.pageInfo.hasNextPage) return nodes;
    after = data.list.pageInfo.endCursor;
  }
}

export function useReaderData(sourceId: string | undefined) {
  return useQuery({
    queryKey: ['reader', sourceId],
    enabled: Boolean(sourceId),
    queryFn: async (): Promise<ReaderData> => {
      const [{ source }, claims, events] = await Promise.all([
        graphql(`query Source($id: ID!) { source(id: $id) { id version title currentRevision { id number text blocks { start end kind repeatOf } } } }`, { id: sourceId }),
        allOf('claims', sourceId!, 'id text status'),
        allOf('events', sourceId!, 'id title status'),
      ]);
      const evidence: ReaderEvidence[] = [
        ...claims.flatMap((claim: any) => claim.evidence.map((e: any) => ({ ...e, record: { kind: 'claim', id: claim.id, label: claim.text, status: claim.status } }))),
        ...events.flatMap((event: any) => event.evidence.map((e: any) => ({ ...e, record: { kind: 'event', id: event.id, label: event.title, status: event.status } }))),
      ];
      return { source, evidence };
    },
  });
}
