import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';

/**
 * The record's provenance receipt with its snapshots' texts, as a file anyone can check offline with
 * `npm run receipt:verify -- FILE --public-key KEY` (docs/api.md). A plain link: the session cookie signs it in.
 */
export function DownloadReceiptButton() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  if (!record || (resource !== 'claims' && resource !== 'events') || record.deletedAt) return null;
  const kind = resource === 'claims' ? 'claim' : 'event';
  return (
    <Button
      size="small"
      startIcon={<ReceiptLongIcon />}
      href={`/receipts/${resource}/${record.id}?snapshots=1`}
      download={`receipt-${kind}-${record.id}.jsonld`}
    >
      {translate('console.audit.downloadReceipt')}
    </Button>
  );
}
