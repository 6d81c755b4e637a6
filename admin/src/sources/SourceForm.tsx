import { Stack } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { FormDataConsumer, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { DATE_BASES, RELIABILITIES, SOURCE_DATE_PRECISIONS, SOURCE_KINDS } from '../common/choices';

/** The source's details, the same for a new source and an edit; a new source adds its text as `children`. */
export function SourceForm({ toolbar, children }: { toolbar: ReactElement; children?: ReactNode }) {
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 900 }} warnWhenUnsavedChanges>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="url" type="url" fullWidth />
      <Stack direction="row" spacing={2} width="100%">
        <TextInput source="publisher" fullWidth />
        <TextInput source="author" fullWidth />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextInput source="publishedAt" label="Published (YYYY-MM-DD, first day of its period)" />
        <SelectInput source="publishedPrecision" label="Precision" choices={SOURCE_DATE_PRECISIONS} emptyText="—" />
        <FormDataConsumer>
          {({ formData }) =>
            formData.publishedAt ? (
              <SelectInput source="publishedBasis" label="How it is known" choices={DATE_BASES} validate={required()} />
            ) : null
          }
        </FormDataConsumer>
      </Stack>
      <TextInput source="publishedNote" label="How the date is known (reasoning)" fullWidth multiline />
      <Stack direction="row" spacing={2}>
        <TextInput source="language" validate={required()} defaultValue="en" helperText="BCP 47: en, fr, my…" />
        <SelectInput source="kind" choices={SOURCE_KINDS} validate={required()} defaultValue="NEWS_ARTICLE" />
        <SelectInput source="reliability" choices={RELIABILITIES} emptyText="Not graded" />
      </Stack>
      <TextInput source="reliabilityNote" fullWidth multiline />
      {children}
    </SimpleForm>
  );
}
