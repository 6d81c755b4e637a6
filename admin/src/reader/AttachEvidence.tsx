import { Autocomplete, Button, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { Selection } from '../common/SelectionHeader';
import { graphql } from '../providers/graphql';

interface Candidate {
  kind: 'claim' | 'event';
  id: string;
  label: string;
}

const SEARCH = `query Candidates($q: String!) {
  search(query: $q, types: [CLAIM, EVENT], first: 15) {
    edges { node { record { ... on Claim { id text } ... on Event { id title } } } }
  }
}`;

/** Adds the selected words as evidence for a claim or an event that already exists. */
export function AttachEvidence({ selection, onDone }: { selection: Selection; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const notify = useNotify();
  const candidates = useQuery({
    queryKey: ['attach-candidates', query],
    enabled: query.trim().length > 1,
    queryFn: async (): Promise<Candidate[]> =>
      (await graphql(SEARCH, { q: query.trim() })).search.edges.map(({ node }: any) =>
        node.record.text !== undefined ? { kind: 'claim', id: node.record.id, label: node.record.text } : { kind: 'event', id: node.record.id, label: node.record.title },
      ),
  });
  const attach = async () => {
    if (!chosen) return;
    try {
      await graphql(`mutation Attach($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`, {
        input: {
          [chosen.kind === 'claim' ? 'claimId' : 'eventId']: chosen.id,
          sourceRevisionId: selection.sourceRevisionId,
          selector: { exact: selection.selector.exact, start: selection.selector.start, end: selection.selector.end },
          reason: 'Selected in the reader',
        },
      });
      notify(`Evidence added to the ${chosen.kind}.`, { type: 'success' });
      onDone();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
      <Autocomplete
        sx={{ flex: 1 }}
        size="small"
        options={candidates.data ?? []}
        filterOptions={(options) => options}
        getOptionLabel={(c) => `${c.kind}: ${c.label}`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onInputChange={(_, value) => setQuery(value)}
        onChange={(_, value) => setChosen(value)}
        loading={candidates.isFetching}
        renderInput={(params) => <TextField {...params} label="Add as evidence to an existing claim or event" />}
      />
      <Button size="small" variant="outlined" disabled={!chosen} onClick={attach}>
        Add
      </Button>
    </Stack>
  );
}
