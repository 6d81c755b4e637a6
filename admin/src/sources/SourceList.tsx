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
import type { SourceRecord } from '../providers/resources';
import { SOURCE_KIND_CHOICES } from './choices';
import { published } from './published';

export function SourceList() {
  const phone = usePhone();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = (r: SourceRecord) => translate(`console.sources.kinds.${r.kind}`);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('console.sources.list.search')} />,
    <SelectArrayInput key="kind" source="kind" choices={SOURCE_KIND_CHOICES} />,
    <BooleanInput key="includeDeleted" source="includeDeleted" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<SourceRecord>
          linkType="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.publisher, published(r), kind(r)].filter(Boolean).join(' · ')}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <TextField source="publisher" sortable={false} />
          <FunctionField label="resources.sources.fields.publishedAt" render={published} />
          <FunctionField<SourceRecord> source="kind" sortable={false} render={kind} />
          <TextField source="reliability" sortable={false} />
          <DateField source="createdAt" locales={locale} />
        </Datagrid>
      )}
    </List>
  );
}
