import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { type Identifier, type RaRecord, useGetList, useTranslate } from 'react-admin';

export interface PickedEntity extends RaRecord {
  name: string;
  kind: string;
  version: number;
}

/**
 * A stored entity picked by name as the editor types, the server's search choosing the candidates; merged ones
 * (redirects) and `exclude` are never offered. Asks nothing until `enabled`, so a closed dialog costs no request.
 */
export function EntityAutocomplete({
  label,
  enabled,
  exclude,
  onChange,
}: {
  label: string;
  enabled: boolean;
  exclude?: Identifier;
  onChange: (entity: PickedEntity | null) => void;
}) {
  const translate = useTranslate();
  const [query, setQuery] = useState('');
  const candidates = useGetList<PickedEntity>(
    'entities',
    { filter: query.trim() ? { q: query } : {}, pagination: { page: 1, perPage: 20 } },
    { enabled },
  );
  return (
    <Autocomplete
      options={(candidates.data ?? []).filter((e) => e.id !== exclude && !e.mergedInto)}
      getOptionLabel={(e) =>
        translate('console.entities.merge.option', { name: e.name, kind: translate(`console.entities.kinds.${e.kind}`).toLowerCase() })
      }
      onInputChange={(_, value) => setQuery(value)}
      onChange={(_, value) => onChange(value)}
      filterOptions={(options) => options}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}
