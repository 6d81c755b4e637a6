import { Stack } from '@mui/material';
import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

import { DATE_PRECISIONS, EVENT_MODALITIES, PARTICIPANT_ROLES, vocabularyOption } from '../common/choices';
import { useEventTypes } from './useEventTypes';

export function EventForm({
  toolbar,
  header,
  defaultValues,
}: {
  toolbar: ReactElement;
  header?: ReactElement;
  defaultValues?: Record<string, unknown>;
}) {
  const types = useEventTypes();
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 900 }} defaultValues={defaultValues} warnWhenUnsavedChanges>
      {header}
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput
        source="type"
        choices={(types.data ?? []).map((t) => ({ id: t.code, name: t.label }))}
        validate={required()}
        isPending={types.isPending}
      />
      <TextInput source="summary" multiline fullWidth />
      <Stack direction="row" spacing={2}>
        <TextInput source="start.date" label="console.events.form.start" sx={{ minWidth: 320 }} />
        <SelectInput
          source="start.precision"
          label="console.events.form.precision"
          choices={DATE_PRECISIONS}
          optionText={vocabularyOption}
          emptyText="—"
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextInput source="end.date" label="console.events.form.end" sx={{ minWidth: 320 }} />
        <SelectInput
          source="end.precision"
          label="console.events.form.precision"
          choices={DATE_PRECISIONS}
          optionText={vocabularyOption}
          emptyText="—"
        />
      </Stack>
      <TextInput source="timeExpression" label="console.events.form.timeExpression" fullWidth />
      <SelectInput source="modality" choices={EVENT_MODALITIES} optionText={vocabularyOption} validate={required()} />
      <ReferenceInput source="placeId" reference="entities">
        <AutocompleteInput optionText="name" label="console.events.form.place" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <ReferenceInput source="parentId" reference="events">
        <AutocompleteInput optionText="title" label="console.events.form.parent" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <ArrayInput source="participants">
        <SimpleFormIterator inline>
          <ReferenceInput source="entityId" reference="entities">
            <AutocompleteInput optionText="name" label="console.events.form.entity" sx={{ minWidth: 300 }} filterToQuery={(q) => ({ q })} />
          </ReferenceInput>
          {/* As a claim's claimant: someone not yet in the store is named by a label until an entity is made for them. */}
          <FormDataConsumer>
            {({ scopedFormData }) =>
              scopedFormData?.entityId ? null : (
                <TextInput source="label" label="console.events.form.label" sx={{ minWidth: 300 }} validate={required()} />
              )
            }
          </FormDataConsumer>
          <SelectInput
            source="role"
            label="console.events.form.role"
            choices={PARTICIPANT_ROLES}
            optionText={vocabularyOption}
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
