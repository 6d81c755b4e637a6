import { Chip, Stack } from '@mui/material';
import { useMemo, type ReactElement } from 'react';
import {
  ArrayField,
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  List,
  ReferenceInput,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TextInput,
  useRecordContext,
  SimpleList,
} from 'react-admin';
import { DATE_PRECISIONS, EVENT_MODALITIES, label, PARTICIPANT_ROLES, REVIEW_STATUSES } from '../common/choices';
import { formatSpan } from '../common/dates';
import { CreateToolbar, EditToolbar } from '../common/EditToolbar';
import { EvidenceList, ReviewSteps } from '../common/EvidenceList';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { evidenceFor, NoSelectionHint, SelectionHeader, useSelection } from '../common/SelectionHeader';
import { StatusChip, StatusField } from '../common/status';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';
import { RecordReview } from '../review/RecordReview';
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

function EventList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList
          linkType="show"
          primaryText={(r: any) => r.title}
          secondaryText={(r: any) => [r.eventType?.label, formatSpan(r.start, r.end) || r.timeExpression].filter(Boolean).join(' · ')}
          tertiaryText={(r: any) => <StatusChip status={r.status} />}
        />
      ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <FunctionField label="Type" render={(r: any) => r.eventType?.label} />
        <FunctionField label="When" render={(r: any) => formatSpan(r.start, r.end) || r.timeExpression || '—'} />
        <FunctionField source="modality" sortable={false} render={(r: any) => label(r.modality)} />
        <StatusField source="status" sortable={false} />
        <DateField source="createdAt" label="Recorded" />
      </Datagrid>
      )}
    </List>
  );
}

function EventTitle() {
  const record = useRecordContext();
  return <span>Event: {record?.title ?? ''}</span>;
}

function EventShow() {
  return (
    <Show title={<EventTitle />} actions={<RecordActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Event">
          <TextField source="title" variant="h6" />
          <TextField source="summary" emptyText="No summary" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="Status"><StatusField /></Labeled>
            <Labeled label="Type"><FunctionField render={(r: any) => r.eventType?.label} /></Labeled>
            <Labeled label="When"><FunctionField render={(r: any) => formatSpan(r.start, r.end) || '—'} /></Labeled>
            <Labeled label="As the source puts it"><TextField source="timeExpression" emptyText="—" /></Labeled>
            <Labeled label="Modality"><FunctionField render={(r: any) => label(r.modality)} /></Labeled>
            <Labeled label="Place"><FunctionField render={(r: any) => (r.place ? <a href={`#/entities/${r.place.id}/show`}>{r.place.name}</a> : '—')} /></Labeled>
            <Labeled label="Part of"><FunctionField render={(r: any) => (r.parent ? <a href={`#/events/${r.parent.id}/show`}>{r.parent.title}</a> : '—')} /></Labeled>
            <Labeled label="Version"><TextField source="version" /></Labeled>
          </Stack>
          <FunctionField render={(r: any) => (r.retracted ? <Chip color="secondary" label="Retracted: do not rely on it" /> : null)} />
          <Labeled label="Participants">
            <ArrayField source="participantList">
              <SingleFieldList linkType={false}>
                <FunctionField render={(p: any) => <Chip component="a" clickable href={`#/entities/${p.entity.id}/show`} label={`${p.entity.name} (${label(p.role)})`} />} />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="Claims about it" fullWidth>
            <ArrayField source="claimList">
              <Datagrid rowClick={(_id: any, _r: any, claim: any) => `/claims/${claim.id}/show`} bulkActionButtons={false}>
                <TextField source="text" />
                <TextField source="claimantName" label="Claimant" />
                <StatusField source="status" />
              </Datagrid>
            </ArrayField>
          </Labeled>
          <Labeled label="Evidence"><EvidenceList /></Labeled>
          <Labeled label="Review"><ReviewSteps /></Labeled>
          <RecordReview />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}

function EventForm({ toolbar, header, defaultValues }: { toolbar: ReactElement; header?: ReactElement; defaultValues?: Record<string, unknown> }) {
  const types = useEventTypes();
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 900 }} defaultValues={defaultValues}>
      {header}
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput source="type" choices={(types.data ?? []).map((t) => ({ id: t.code, name: t.label }))} validate={required()} isPending={types.isPending} />
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
            <AutocompleteInput optionText="name" label="Entity" sx={{ minWidth: 300 }} filterToQuery={(q) => ({ q })} validate={required()} />
          </ReferenceInput>
          <SelectInput source="role" choices={PARTICIPANT_ROLES} validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}

function EventEdit() {
  return (
    <ProvenanceEdit title="Edit event">
      <EventForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}

function EventCreate() {
  const selection = useSelection();
  // A new object each render would reset the form, and with it the API's field errors.
  const defaultValues = useMemo(() => ({ title: selection?.selector.exact.slice(0, 200) ?? '', modality: 'OCCURRED', timeExpression: '' }), [selection]);
  return (
    <Create redirect="show" title="New event" transform={(data: Record<string, unknown>) => ({ ...data, evidence: evidenceFor(selection) })}>
      <EventForm
        toolbar={<CreateToolbar />}
        header={selection ? <SelectionHeader selection={selection} /> : <NoSelectionHint kind="event" />}
        defaultValues={defaultValues}
      />
    </Create>
  );
}

export default { list: EventList, show: EventShow, edit: EventEdit, create: EventCreate, recordRepresentation: 'title' };
