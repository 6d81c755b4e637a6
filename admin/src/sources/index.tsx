import { CircularProgress, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import {
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  FormDataConsumer,
  FunctionField,
  Labeled,
  List,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  TabbedShowLayout,
  TextField,
  TextInput,
  UrlField,
  useRecordContext,
  SimpleList,
} from 'react-admin';
import { DATE_BASES, label, RELIABILITIES, SOURCE_DATE_PRECISIONS, SOURCE_KINDS } from '../common/choices';
import { CreateToolbar, EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';

const SourceReader = lazy(() => import('../reader/SourceReader'));

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search sources" />,
  <SelectArrayInput key="kind" source="kind" choices={SOURCE_KINDS} />,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="Include deleted" />,
];

const published = (r: any) => (r.publishedAt ? `${r.publishedAt.slice(0, r.publishedPrecision === 'YEAR' ? 4 : r.publishedPrecision === 'MONTH' ? 7 : 10)}` : '—');

function SourceList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.title} secondaryText={(r: any) => [r.publisher, published(r), label(r.kind)].filter(Boolean).join(' · ')} />
      ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <TextField source="publisher" sortable={false} />
        <FunctionField label="Published" render={published} />
        <FunctionField source="kind" sortable={false} render={(r: any) => label(r.kind)} />
        <TextField source="reliability" sortable={false} />
        <DateField source="createdAt" label="Recorded" />
      </Datagrid>
      )}
    </List>
  );
}

function SourceTitle() {
  const record = useRecordContext();
  return <span>{record?.title ?? 'Source'}</span>;
}

function SourceShow() {
  return (
    <Show title={<SourceTitle />} actions={<RecordActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Reader">
          <Suspense fallback={<CircularProgress size={24} />}>
            <SourceReader />
          </Suspense>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Details" path="details">
          <TextField source="title" variant="h6" />
          <UrlField source="url" target="_blank" emptyText="—" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="Publisher"><TextField source="publisher" emptyText="—" /></Labeled>
            <Labeled label="Author"><TextField source="author" emptyText="—" /></Labeled>
            <Labeled label="Published"><FunctionField render={(r: any) => `${published(r)}${r.publishedBasis ? ` (${label(r.publishedBasis)})` : ''}`} /></Labeled>
            <Labeled label="Language"><TextField source="language" /></Labeled>
            <Labeled label="Kind"><FunctionField render={(r: any) => label(r.kind)} /></Labeled>
            <Labeled label="Reliability"><FunctionField render={(r: any) => RELIABILITIES.find((c) => c.id === r.reliability)?.name ?? 'not graded'} /></Labeled>
          </Stack>
          <Labeled label="How the date is known"><TextField source="publishedNote" emptyText="—" /></Labeled>
          <Labeled label="Reliability note"><TextField source="reliabilityNote" emptyText="—" /></Labeled>
          <Labeled label="Text snapshots" fullWidth>
            <FunctionField
              render={(r: any) => (
                <ol style={{ margin: 0 }}>
                  {(r.revisionList ?? []).map((s: any) => (
                    <li key={s.id}>
                      v{s.number}, {new Date(s.createdAt).toLocaleString()}: {s.reason ?? ''} <code>{s.sha256.slice(0, 12)}</code>
                    </li>
                  ))}
                </ol>
              )}
            />
          </Labeled>
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}

function SourceFields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="url" type="url" fullWidth />
      <Stack direction="row" spacing={2} width="100%">
        <TextInput source="publisher" fullWidth />
        <TextInput source="author" fullWidth />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextInput source="publishedAt" label="Published (YYYY-MM-DD, first day of its period)" />
        <SelectInput source="publishedPrecision" label="Precision" choices={SOURCE_DATE_PRECISIONS} emptyText="—" />
        <FormDataConsumer>{({ formData }) => (formData.publishedAt ? <SelectInput source="publishedBasis" label="How it is known" choices={DATE_BASES} validate={required()} /> : null)}</FormDataConsumer>
      </Stack>
      <TextInput source="publishedNote" label="How the date is known (reasoning)" fullWidth multiline />
      <Stack direction="row" spacing={2}>
        <TextInput source="language" validate={required()} defaultValue="en" helperText="BCP 47: en, fr, my…" />
        <SelectInput source="kind" choices={SOURCE_KINDS} validate={required()} defaultValue="NEWS_ARTICLE" />
        <SelectInput source="reliability" choices={RELIABILITIES} emptyText="Not graded" />
      </Stack>
      <TextInput source="reliabilityNote" fullWidth multiline />
    </>
  );
}

function SourceEdit() {
  return (
    <ProvenanceEdit title="Edit source details">
      <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 900 }}>
        <SourceFields />
      </SimpleForm>
    </ProvenanceEdit>
  );
}

function SourceCreate() {
  return (
    <Create redirect="show" title="New source">
      <SimpleForm toolbar={<CreateToolbar />} sx={{ maxWidth: 900 }}>
        <SourceFields />
        <TextInput source="text" label="The text as published (page furniture included)" multiline minRows={12} fullWidth validate={required()} />
      </SimpleForm>
    </Create>
  );
}

export default { list: SourceList, show: SourceShow, edit: SourceEdit, create: SourceCreate, recordRepresentation: 'title' };
