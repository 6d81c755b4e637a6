import { BooleanInput, Datagrid, DateField, FunctionField, List, SearchInput, SelectArrayInput, SimpleList, TextField } from 'react-admin';

import { label, SOURCE_KINDS } from '../common/choices';
import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';
import type { SourceRecord } from '../providers/resources';
import { published } from './published';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search sources" />,
  <SelectArrayInput key="kind" source="kind" choices={SOURCE_KINDS} />,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="Include deleted" />,
];

export function SourceList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<SourceRecord>
          linkType="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.publisher, published(r), label(r.kind)].filter(Boolean).join(' · ')}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <TextField source="publisher" sortable={false} />
          <FunctionField label="Published" render={published} />
          <FunctionField<SourceRecord> source="kind" sortable={false} render={(r) => label(r.kind)} />
          <TextField source="reliability" sortable={false} />
          <DateField source="createdAt" label="Recorded" />
        </Datagrid>
      )}
    </List>
  );
}
