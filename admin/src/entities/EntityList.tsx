import {
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { usePhone } from '../common/usePhone';
import type { EntityRecord } from '../providers/resources';
import { ENTITY_KIND_CHOICES } from './choices';

export function EntityList() {
  const phone = usePhone();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = (r: EntityRecord) => translate(`console.entities.kinds.${r.kind}`);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('console.entities.list.search')} />,
    <SelectArrayInput key="kind" source="kind" choices={ENTITY_KIND_CHOICES} />,
    <BooleanInput key="includeDeleted" source="includeDeleted" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<EntityRecord>
          linkType="show"
          primaryText={(r) => r.name}
          secondaryText={(r) => [kind(r), ...(r.aliases ?? [])].join(' · ')}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="name" sortable={false} />
          <FunctionField<EntityRecord> source="kind" sortable={false} render={kind} />
          <FunctionField<EntityRecord> source="aliases" sortable={false} render={(r) => (r.aliases ?? []).join(', ')} />
          <TextField source="wikidataId" sortable={false} />
          <DateField source="createdAt" locales={locale} />
        </Datagrid>
      )}
    </List>
  );
}
