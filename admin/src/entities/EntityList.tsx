import { BooleanInput, Datagrid, DateField, FunctionField, List, SearchInput, SelectArrayInput, SimpleList, TextField } from 'react-admin';

import { ENTITY_KINDS, label } from '../common/choices';
import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';
import type { EntityRecord } from '../providers/resources';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Names and aliases, as you type" />,
  <SelectArrayInput key="kind" source="kind" choices={ENTITY_KINDS} />,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="Include deleted" />,
];

export function EntityList() {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<EntityRecord>
          linkType="show"
          primaryText={(r) => r.name}
          secondaryText={(r) => [label(r.kind), ...(r.aliases ?? [])].join(' · ')}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="name" sortable={false} />
          <FunctionField<EntityRecord> source="kind" sortable={false} render={(r) => label(r.kind)} />
          <FunctionField<EntityRecord> label="Aliases" render={(r) => (r.aliases ?? []).join(', ')} />
          <TextField source="wikidataId" label="Wikidata" sortable={false} />
          <DateField source="createdAt" label="Recorded" />
        </Datagrid>
      )}
    </List>
  );
}
