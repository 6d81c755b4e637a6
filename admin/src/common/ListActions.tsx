import DownloadIcon from '@mui/icons-material/Download';
import { Button, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { CreateButton, FilterButton, TopToolbar, useListContext, useTranslate } from 'react-admin';

/** The streamed exports a list can be downloaded as (see the README's Exports), and what each holds. */
const EXPORTS = {
  claims: [
    { file: 'claims.csv', label: 'console.common.exports.claimsCsv' },
    { file: 'claim-reviews.jsonld', label: 'console.common.exports.claimReviews' },
    { file: 'evidence.jsonld', label: 'console.common.exports.evidence' },
    { file: 'provenance.jsonld', label: 'console.common.exports.provenance' },
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
  const translate = useTranslate();
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
        {translate('console.common.exports.button')}
      </Button>
      <Menu id="export-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>{translate(query ? 'console.common.exports.filtered' : 'console.common.exports.everything')}</ListSubheader>
        {EXPORTS[resource].map((option) => (
          <MenuItem
            key={option.file}
            component="a"
            href={`/exports/${option.file}${query}`}
            download={option.file}
            onClick={() => setAnchor(null)}
          >
            {translate(option.label)}
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
