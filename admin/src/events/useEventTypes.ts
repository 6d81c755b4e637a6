import { useQuery } from '@tanstack/react-query';
import { graphql } from '../providers/graphql';

/** The event-type vocabulary, kept in a table by the API; read once per session. */
export function useEventTypes() {
  return useQuery({
    queryKey: ['eventTypes'],
    queryFn: async () => (await graphql<{ eventTypes: Array<{ code: string; label: string }> }>(`{ eventTypes { code label } }`)).eventTypes,
    staleTime: Infinity,
  });
}
