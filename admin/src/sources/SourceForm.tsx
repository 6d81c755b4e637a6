import { Stack } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { FormDataConsumer, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { BASIS_CHOICES, PRECISION_CHOICES, RELIABILITY_CHOICES, SOURCE_KIND_CHOICES } from './choices';

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
        <TextInput source="publishedAt" label="console.sources.form.publishedAt" />
        <SelectInput source="publishedPrecision" label="console.sources.form.precision" choices={PRECISION_CHOICES} emptyText="—" />
        <FormDataConsumer>
          {({ formData }) =>
            formData.publishedAt ? (
              <SelectInput source="publishedBasis" label="console.sources.form.basis" choices={BASIS_CHOICES} validate={required()} />
            ) : null
          }
        </FormDataConsumer>
      </Stack>
      <TextInput source="publishedNote" label="console.sources.form.publishedNote" fullWidth multiline />
      <Stack direction="row" spacing={2}>
        <TextInput source="language" validate={required()} defaultValue="en" helperText="console.sources.form.languageHelp" />
        <SelectInput source="kind" choices={SOURCE_KIND_CHOICES} validate={required()} defaultValue="NEWS_ARTICLE" />
        <SelectInput source="reliability" choices={RELIABILITY_CHOICES} emptyText="console.sources.form.notGraded" />
      </Stack>
      <TextInput source="reliabilityNote" fullWidth multiline />
      {children}
    </SimpleForm>
  );
}
