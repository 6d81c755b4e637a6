import { CreateButton, Datagrid, DateField, FunctionField, List, TextField, TopToolbar, useLocaleState, useTranslate } from 'react-admin';

import { DeleteWithReasonButton } from '../common/DeleteWithReasonButton';
import type { ApiKeyRecord } from '../providers/resources';

/** A key is revoked, not deleted: the apps using it are refused from then on, and it stays listed as revoked. */
const REVOKE_WORDING = ['label', 'title', 'explanation', 'reasonLabel', 'done'] as const;

export function ApiKeyList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const wording = Object.fromEntries(REVOKE_WORDING.map((part) => [part, translate(`console.apiKeys.revoke.${part}`)])) as Record<
    (typeof REVOKE_WORDING)[number],
    string
  >;
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton label="console.apiKeys.list.newKey" />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField<ApiKeyRecord> source="prefix" sortable={false} render={(r) => <code>{r.prefix}…</code>} />
        <DateField source="createdAt" locales={locale} />
        <DateField source="lastUsedAt" showTime emptyText="console.apiKeys.list.never" locales={locale} />
        <DateField source="expiresAt" emptyText="console.apiKeys.list.never" locales={locale} />
        <FunctionField<ApiKeyRecord>
          label="resources.apiKeys.fields.state"
          render={(r) =>
            r.revokedAt
              ? translate('console.apiKeys.list.revokedOn', { date: new Date(r.revokedAt).toLocaleDateString(locale) })
              : translate('console.apiKeys.list.active')
          }
        />
        <FunctionField<ApiKeyRecord> render={(r) => (r.revokedAt ? null : <DeleteWithReasonButton wording={wording} />)} />
      </Datagrid>
    </List>
  );
}
