import {
  BooleanField,
  DateField,
  EditButton,
  FunctionField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import type { UserRecord } from '../providers/resources';
import { roleNames } from './roles';

export function UserShow() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField<UserRecord> source="roles" render={(r) => roleNames(r.roles, translate)} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" showTime locales={locale} />
        <TextField source="version" />
        <FunctionField<UserRecord>
          label="resources.users.fields.changes"
          render={(r) => <a href={`#/?actor=user:${r.id}`}>{translate('console.users.show.latestChanges')}</a>}
        />
      </SimpleShowLayout>
    </Show>
  );
}
