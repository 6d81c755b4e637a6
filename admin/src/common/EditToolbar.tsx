import { Box } from '@mui/material';
import { required, SaveButton, TextInput, Toolbar } from 'react-admin';

import { DeleteWithReasonButton } from './DeleteWithReasonButton';

/** Every save carries an edit summary: it becomes the revision's reason, read later in the history. */
export function EditToolbar({
  deletable = true,
  summaryLabel = 'console.common.editToolbar.summary',
}: {
  deletable?: boolean;
  summaryLabel?: string;
}) {
  return (
    <Toolbar sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextInput
        source="reason"
        label={summaryLabel}
        validate={required('console.common.editToolbar.summaryRequired')}
        sx={{ flex: '1 1 24rem', m: 0 }}
        helperText={false}
      />
      <Box sx={{ display: 'flex', gap: 1, pt: 1 }}>
        <SaveButton />
        {deletable ? <DeleteWithReasonButton /> : null}
      </Box>
    </Toolbar>
  );
}

/** New records say where they come from, as every save says why: it becomes the first revision's reason. */
export function CreateToolbar() {
  return (
    <Toolbar sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
      <TextInput
        source="reason"
        label="console.common.editToolbar.origin"
        validate={required('console.common.editToolbar.originRequired')}
        sx={{ flex: '1 1 24rem', m: 0 }}
        helperText={false}
      />
      <Box sx={{ pt: 1 }}>
        <SaveButton />
      </Box>
    </Toolbar>
  );
}
