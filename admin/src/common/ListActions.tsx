import DownloadIcon from '@mui/icons-material/Download';
import { Button, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { CreateButton, FilterButton, TopToolbar, useListContext } from 'react-admin';

/** The streamed exports a list can be downloaded as (see the README's Exports), and what each holds. */
const EXPORTS = {
  claims: [
    { file: 'claims.csv', label: 'Claims as CSV' },
    { file: 'claim-reviews.jsonld', label: 'Reviewed claims as ClaimReview (JSON-LD)' },
    { file: 'evidence.jsonld', label: 'Their evidence as Web Annotations (JSON-LD)' },
    { file: 'provenance.jsonld', label: 'Their provenance as PROV-O (JSON-LD)' },
  ],
} as const;

/** The list's filters the exports understand, as their query string; the others narrow the screen only. */
function exportQuery(filter: Record<string, unknown>): string {
  const query = new URLSearchParams();
  const status = filter.status;
  if (Array.isArray(status) && status.length > 0) query.set('status', status.join(','));
  for (const name of ['claimantId', 'sourceId'] as const)
    if (typeof filter[name] === 'string' && filter[name]) query.set(name, filter[name] as string);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * Downloads the whole list from the streamed exports, with the list's status, claimant and source filters: the
 * export reads 500 records at a time on the server, where a page through the API would stop at 100.
 */
function ExportMenu({ resource }: { resource: keyof typeof EXPORTS }) {
  const { filterValues } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const query = exportQuery(filterValues);
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? 'export-menu' : undefined}
      >
        Export
      </Button>
      <Menu id="export-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>{query ? 'With the status, claimant and source filters' : 'Everything you may see'}</ListSubheader>
        {EXPORTS[resource].map((option) => (
          <MenuItem
            key={option.file}
            component="a"
            href={`/exports/${option.file}${query}`}
            download={option.file}
            onClick={() => setAnchor(null)}
          >
            {option.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** A list's toolbar: add a filter, make a record, and for claims, export the list as it is filtered. */
export function ListActions({ exports, create = true }: { exports?: keyof typeof EXPORTS; create?: boolean }) {
  return (
    <TopToolbar>
      <FilterButton />
      {create ? <CreateButton /> : null}
      {exports ? <ExportMenu resource={exports} /> : null}
    </TopToolbar>
  );
}
