import { useQuery } from '@tanstack/react-query';

import { useApi } from '../providers/useApi';

/** The event-type vocabulary, kept in a table by the API; read once per session. */
export function useEventTypes() {
  const api = useApi();
  return useQuery({
    queryKey: ['eventTypes'],
    queryFn: () => api.eventTypes(),
    staleTime: Infinity,
  });
}
