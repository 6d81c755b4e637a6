import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  TextInput,
} from 'react-admin';

import { EVENT_MODALITIES, label, REVIEW_STATUSES } from '../common/choices';
import { formatSpan } from '../common/dates';
import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { StatusChip, StatusField } from '../common/status';
import { usePhone } from '../common/usePhone';
import type { EventRecord } from '../providers/resources';
import { useEventTypes } from './useEventTypes';

function EventTypeFilter(props: { source: string; alwaysOn?: boolean }) {
  const types = useEventTypes();
  return <SelectArrayInput {...props} choices={(types.data ?? []).map((t) => ({ id: t.code, name: t.label }))} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search events" />,
  <SelectArrayInput key="status" source="status" choices={REVIEW_STATUSES} />,
  <EventTypeFilter key="type" source="type" />,
  <SelectArrayInput key="modality" source="modality" choices={EVENT_MODALITIES} />,
  <TextInput key="dateFrom" source="dateFrom" label="Happened from (YYYY-MM-DD)" />,
  <TextInput key="dateTo" source="dateTo" label="Happened until (YYYY-MM-DD)" />,
  <ReferenceInput key="entityId" source="entityId" reference="entities" label="Involving">
    <AutocompleteInput optionText="name" label="Involving" />
  </ReferenceInput>,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="Include deleted" />,
];

export function EventList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<EventRecord>
          linkType="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.eventType?.label, formatSpan(r.start, r.end) || r.timeExpression].filter(Boolean).join(' · ')}
          tertiaryText={(r) => <StatusChip status={r.status} />}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <FunctionField<EventRecord> label="Type" render={(r) => r.eventType?.label} />
          <FunctionField<EventRecord> label="When" render={(r) => formatSpan(r.start, r.end) || r.timeExpression || '—'} />
          <FunctionField<EventRecord> source="modality" sortable={false} render={(r) => label(r.modality)} />
          <StatusField source="status" sortable={false} />
          <DateField source="createdAt" label="Recorded" />
        </Datagrid>
      )}
    </List>
  );
}
