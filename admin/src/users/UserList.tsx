import {
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  TextField,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { FocusableRows } from '../common/FocusableRows';
import type { UserRecord } from '../providers/resources';
import { roleNames } from './roles';

export function UserList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder={translate('console.users.list.search')} />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField<UserRecord> source="roles" sortable={false} render={(r) => roleNames(r.roles, translate)} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" locales={locale} />
      </Datagrid>
    </List>
  );
}
