import { Stack } from '@mui/material';
import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

import { DATE_PRECISIONS, EVENT_MODALITIES, PARTICIPANT_ROLES } from '../common/choices';
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
        <TextInput source="start.date" label="Start (YYYY-MM-DD; first day of its week, month or year)" sx={{ minWidth: 320 }} />
        <SelectInput source="start.precision" label="Precision" choices={DATE_PRECISIONS} emptyText="—" />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextInput source="end.date" label="End, for an event over a span" sx={{ minWidth: 320 }} />
        <SelectInput source="end.precision" label="Precision" choices={DATE_PRECISIONS} emptyText="—" />
      </Stack>
      <TextInput source="timeExpression" label="The source's own words for when (“last week”)" fullWidth />
      <SelectInput source="modality" choices={EVENT_MODALITIES} validate={required()} />
      <ReferenceInput source="placeId" reference="entities">
        <AutocompleteInput optionText="name" label="Place" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <ReferenceInput source="parentId" reference="events">
        <AutocompleteInput optionText="title" label="Part of event" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <ArrayInput source="participants">
        <SimpleFormIterator inline>
          <ReferenceInput source="entityId" reference="entities">
            <AutocompleteInput
              optionText="name"
              label="Entity"
              sx={{ minWidth: 300 }}
              filterToQuery={(q) => ({ q })}
              validate={required()}
            />
          </ReferenceInput>
          <SelectInput source="role" choices={PARTICIPANT_ROLES} validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
