import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/** A hash shown short (its first 12 hex digits, as git shows commits), whole on hover, copied whole by its button. */
export function HashText({ hash, label }: { hash: string | null | undefined; label: string }) {
  const notify = useNotify();
  const translate = useTranslate();
  if (!hash) return <Typography variant="body2">—</Typography>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      notify('console.history.hash.copied', { type: 'info', messageArgs: { label } });
    } catch {
      notify('console.history.hash.refused', { type: 'warning', messageArgs: { label, hash } });
    }
  };
  return (
    <Stack direction="row" alignItems="center" spacing={0.5}>
      <Tooltip title={hash}>
        <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }} data-hash={hash}>
          {hash.slice(0, 12)}
        </Typography>
      </Tooltip>
      <IconButton size="small" onClick={copy} aria-label={translate('console.history.hash.copy', { label })}>
        <ContentCopyIcon fontSize="inherit" />
      </IconButton>
    </Stack>
  );
}
