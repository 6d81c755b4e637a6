import { Chip } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectArrayInput,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { FocusableRows } from '../common/FocusableRows';
import type { AnnotationRecord } from '../providers/resources';
import { MOTIVATION_CHOICES, TARGET_TYPE_CHOICES } from './choices';

const PAGE_OF: Record<string, string> = { CLAIM: 'claims', EVENT: 'events', ENTITY: 'entities', SOURCE: 'sources' };

const filters = [
  <NullableBooleanInput
    key="resolved"
    source="resolved"
    trueLabel="console.annotations.list.resolved"
    falseLabel="console.annotations.list.open"
    alwaysOn
  />,
  <SelectArrayInput key="motivation" source="motivation" choices={MOTIVATION_CHOICES} />,
  <SelectArrayInput key="targetType" source="targetType" choices={TARGET_TYPE_CHOICES} />,
  <TextInput key="tag" source="tag" />,
];

/** Every thread of notes, newest first: open questions to answer, corrections to make. */
export function AnnotationList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ resolved: false }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      title="console.annotations.list.title"
      exporter={false}
    >
      <Datagrid
        body={FocusableRows}
        bulkActionButtons={false}
        rowClick={(_id, _resource, note) => (PAGE_OF[note.targetType] ? `/${PAGE_OF[note.targetType]}/${note.targetId}/show/notes` : false)}
      >
        <FunctionField<AnnotationRecord>
          label="resources.annotations.fields.body"
          render={(n) => (n.body.length > 140 ? `${n.body.slice(0, 139)}…` : n.body)}
        />
        <FunctionField<AnnotationRecord>
          label="resources.annotations.fields.why"
          render={(n) => <Chip size="small" label={translate(`console.annotations.motivations.${n.motivation}`)} />}
        />
        <FunctionField<AnnotationRecord>
          label="resources.annotations.fields.targetType"
          render={(n) => {
            const target = translate(`console.annotations.targets.${n.targetType}`);
            return n.span ? translate('console.annotations.list.onSpan', { target, exact: n.span.selector.exact.slice(0, 40) }) : target;
          }}
        />
        <TextField source="authorName" sortable={false} />
        <FunctionField<AnnotationRecord> label="resources.annotations.fields.replyCount" render={(n) => n.replyCount} />
        <FunctionField<AnnotationRecord>
          label="resources.annotations.fields.resolved"
          render={(n) =>
            n.resolved ? (
              <Chip size="small" color="success" label={translate('console.annotations.list.resolved')} />
            ) : (
              <Chip size="small" label={translate('console.annotations.list.open')} />
            )
          }
        />
        <DateField source="createdAt" showTime locales={locale} />
      </Datagrid>
    </List>
  );
}
