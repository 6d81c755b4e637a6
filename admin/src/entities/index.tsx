import { Chip, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  List,
  Pagination,
  ReferenceManyField,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  TabbedShowLayout,
  TextArrayInput,
  TextField,
  TextInput,
  useRecordContext,
  SimpleList,
} from 'react-admin';
import { ENTITY_KINDS, label } from '../common/choices';
import { formatSpan } from '../common/dates';
import { CreateToolbar, EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { StatusField } from '../common/status';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';
import { MergeButton } from './MergeButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Names and aliases, as you type" />,
  <SelectArrayInput key="kind" source="kind" choices={ENTITY_KINDS} />,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="Include deleted" />,
];

function EntityList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.name} secondaryText={(r: any) => [label(r.kind), ...(r.aliases ?? [])].join(' · ')} />
      ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <FunctionField source="kind" sortable={false} render={(r: any) => label(r.kind)} />
        <FunctionField label="Aliases" render={(r: any) => (r.aliases ?? []).join(', ')} />
        <TextField source="wikidataId" label="Wikidata" sortable={false} />
        <DateField source="createdAt" label="Recorded" />
      </Datagrid>
      )}
    </List>
  );
}

function EntityTitle() {
  const record = useRecordContext();
  return <span>{record?.name ?? 'Entity'}</span>;
}

function EntityShow() {
  return (
    <Show title={<EntityTitle />} actions={<RecordActions><MergeButton /></RecordActions>}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Entity">
          <TextField source="name" variant="h6" />
          <Stack direction="row" spacing={4}>
            <Labeled label="Kind">
              <FunctionField render={(r: any) => label(r.kind)} />
            </Labeled>
            <Labeled label="Wikidata">
              <FunctionField render={(r: any) => (r.wikidataId ? <a href={`https://www.wikidata.org/wiki/${r.wikidataId}`} target="_blank" rel="noreferrer">{r.wikidataId}</a> : '—')} />
            </Labeled>
            <Labeled label="Version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <Labeled label="Aliases">
            <FunctionField render={(r: any) => <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>{(r.aliases ?? []).map((a: string) => <Chip key={a} size="small" label={a} />)}</Stack>} />
          </Labeled>
          <TextField source="description" emptyText="No description" />
          <FunctionField render={(r: any) => (r.mergedInto ? <Chip color="warning" label={`Merged into ${r.mergedInto.name}`} component="a" clickable href={`#/entities/${r.mergedInto.id}/show`} /> : null)} />
          <RelatedRecords />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}

/** Where the entity appears: claims it made and claims about it, events it took part in or that happened there. */
function RelatedRecords() {
  const record = useRecordContext();
  if (!record) return null;
  const claims = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="claims" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary">None</Typography>}>
          <TextField source="text" sortable={false} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  const events = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="events" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary">None</Typography>}>
          <TextField source="title" sortable={false} />
          <FunctionField label="When" render={(r: any) => formatSpan(r.start, r.end) || '—'} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      {record.kind === 'PLACE' ? events('placeId', 'Events that happened here') : null}
      {record.kind !== 'PLACE' ? claims('claimantId', 'Claims they made') : null}
      {events('entityId', 'Events they took part in')}
      {claims('entityId', 'Claims about them')}
    </Stack>
  );
}

function EntityForm({ toolbar }: { toolbar: React.ReactElement }) {
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 800 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={ENTITY_KINDS} validate={required()} />
      <TextArrayInput source="aliases" helperText="Other names it goes by; press Enter after each" fullWidth />
      <TextInput source="description" multiline fullWidth />
      <ArrayInput source="externalIds" label="External ids">
        <SimpleFormIterator inline>
          <TextInput source="scheme" helperText="wikidata, opensanctions…" validate={required()} />
          <TextInput source="value" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}

function EntityEdit() {
  return (
    <ProvenanceEdit title="Edit entity">
      <EntityForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}

function EntityCreate() {
  return (
    <Create redirect="show" title="New entity">
      <EntityForm toolbar={<CreateToolbar />} />
    </Create>
  );
}

export default { list: EntityList, show: EntityShow, edit: EntityEdit, create: EntityCreate, recordRepresentation: 'name' };
