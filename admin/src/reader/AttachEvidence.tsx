import { Autocomplete, Button, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import type { Selection } from '../common/SelectionHeader';
import { useApi } from '../providers/useApi';

interface Candidate {
  kind: 'claim' | 'event';
  id: string;
  label: string;
}

/** Adds the selected words as evidence for a claim or an event that already exists. */
export function AttachEvidence({ selection, onDone }: { selection: Selection; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const notify = useNotify();
  const translate = useTranslate();
  const api = useApi();
  const candidates = useQuery({
    queryKey: ['attach-candidates', query],
    enabled: query.trim().length > 1,
    queryFn: async (): Promise<Candidate[]> =>
      (await api.findRecords(query.trim(), ['CLAIM', 'EVENT'])).flatMap((record): Candidate[] =>
        'text' in record
          ? [{ kind: 'claim', id: record.id, label: record.text }]
          : 'title' in record
            ? [{ kind: 'event', id: record.id, label: record.title }]
            : [],
      ),
  });
  const attach = async () => {
    if (!chosen) return;
    try {
      await api.createEvidence({
        [chosen.kind === 'claim' ? 'claimId' : 'eventId']: chosen.id,
        sourceRevisionId: selection.sourceRevisionId,
        selector: { exact: selection.selector.exact, start: selection.selector.start, end: selection.selector.end },
        reason: translate('console.reader.attach.reason'),
      });
      notify(`console.reader.attach.done.${chosen.kind}`, { type: 'success' });
      onDone();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
      <Autocomplete
        sx={{ flex: 1 }}
        size="small"
        options={candidates.data ?? []}
        filterOptions={(options) => options}
        getOptionLabel={(c) => `${translate(`console.reader.kinds.${c.kind}`)}: ${c.label}`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onInputChange={(_, value) => setQuery(value)}
        onChange={(_, value) => setChosen(value)}
        loading={candidates.isFetching}
        renderInput={(params) => <TextField {...params} label={translate('console.reader.attach.label')} />}
      />
      <Button size="small" variant="outlined" disabled={!chosen} onClick={attach}>
        {translate('console.reader.attach.add')}
      </Button>
    </Stack>
  );
}
