import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NullableBooleanInput, SelectArrayInput, TextField, TextInput } from 'react-admin';

import { label, MOTIVATIONS } from '../common/choices';
import { FocusableRows } from '../common/FocusableRows';
import type { AnnotationRecord } from '../providers/resources';

const PAGE_OF: Record<string, string> = { CLAIM: 'claims', EVENT: 'events', ENTITY: 'entities', SOURCE: 'sources' };

const TARGET_TYPES = ['CLAIM', 'EVENT', 'ENTITY', 'SOURCE', 'EVIDENCE'].map((id) => ({ id, name: label(id) }));

const filters = [
  <NullableBooleanInput key="resolved" source="resolved" label="State" trueLabel="Resolved" falseLabel="Open" alwaysOn />,
  <SelectArrayInput key="motivation" source="motivation" choices={MOTIVATIONS} />,
  <SelectArrayInput key="targetType" source="targetType" label="On" choices={TARGET_TYPES} />,
  <TextInput key="tag" source="tag" label="Tag" />,
];

/** Every thread of notes, newest first: open questions to answer, corrections to make. */
export function AnnotationList() {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ resolved: false }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      title="Notes"
      exporter={false}
    >
      <Datagrid
        body={FocusableRows}
        bulkActionButtons={false}
        rowClick={(_id, _resource, note) => (PAGE_OF[note.targetType] ? `/${PAGE_OF[note.targetType]}/${note.targetId}/show/notes` : false)}
      >
        <FunctionField<AnnotationRecord> label="Note" render={(n) => (n.body.length > 140 ? `${n.body.slice(0, 139)}…` : n.body)} />
        <FunctionField<AnnotationRecord> label="Why" render={(n) => <Chip size="small" label={label(n.motivation)} />} />
        <FunctionField<AnnotationRecord>
          label="On"
          render={(n) => `${label(n.targetType)}${n.span ? `: “${n.span.selector.exact.slice(0, 40)}”` : ''}`}
        />
        <TextField source="authorName" label="By" sortable={false} />
        <FunctionField<AnnotationRecord> label="Replies" render={(n) => n.replyCount} />
        <FunctionField<AnnotationRecord>
          label="State"
          render={(n) => (n.resolved ? <Chip size="small" color="success" label="Resolved" /> : <Chip size="small" label="Open" />)}
        />
        <DateField source="createdAt" label="Written" showTime />
      </Datagrid>
    </List>
  );
}
