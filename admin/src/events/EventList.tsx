import { Fragment } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { EVENT_MODALITIES, REVIEW_STATUSES, vocabularyOption } from '../common/choices';
import { useDates } from '../common/dates';
import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { StatusChip, StatusField } from '../common/status';
import { usePhone } from '../common/usePhone';
import { useVocabulary } from '../common/vocabulary';
import type { EventRecord } from '../providers/resources';
import { useEventTypes } from './useEventTypes';

function EventTypeFilter(props: { source: string; alwaysOn?: boolean }) {
  const types = useEventTypes();
  return <SelectArrayInput {...props} choices={(types.data ?? []).map((t) => ({ id: t.code, name: t.label }))} />;
}

/** react-admin hands a search's placeholder to the browser as it is given, untranslated. */
function EventSearch(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('console.events.list.search')} />;
}

/** Who took part, as many as fit a cell: a name not yet an entity is in italics, as the event's page marks it. */
function Participants({ record, most = 3 }: { record: EventRecord; most?: number }) {
  const translate = useTranslate();
  const all = record.participantList ?? [];
  if (all.length === 0) return <>—</>;
  return (
    <>
      {all.slice(0, most).map((p, i) => (
        <Fragment key={`${p.entity?.id ?? `label:${p.label}`}/${p.role}`}>
          {i > 0 ? ', ' : null}
          {p.entity ? p.entity.name : <i title={translate('console.events.list.notYetEntity')}>{p.label}</i>}
        </Fragment>
      ))}
      {all.length > most ? ` ${translate('console.events.list.more', { smart_count: all.length - most })}` : null}
    </>
  );
}

const filters = [
  <EventSearch key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={REVIEW_STATUSES} optionText={vocabularyOption} />,
  <EventTypeFilter key="type" source="type" />,
  <SelectArrayInput key="modality" source="modality" choices={EVENT_MODALITIES} optionText={vocabularyOption} />,
  <TextInput key="dateFrom" source="dateFrom" label="console.events.list.dateFrom" />,
  <TextInput key="dateTo" source="dateTo" label="console.events.list.dateTo" />,
  <ReferenceInput key="entityId" source="entityId" reference="entities" label="console.events.list.involving">
    <AutocompleteInput optionText="name" label="console.events.list.involving" />
  </ReferenceInput>,
  <BooleanInput key="includeDeleted" source="includeDeleted" label="resources.events.fields.includeDeleted" />,
];

export function EventList() {
  const phone = usePhone();
  const label = useVocabulary();
  const dates = useDates();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      {phone ? (
        <SimpleList<EventRecord>
          linkType="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => (
            <>
              {[r.eventType?.label, dates.span(r.start, r.end) || r.timeExpression].filter(Boolean).join(' · ')}
              <br />
              <Participants record={r} most={2} />
            </>
          )}
          tertiaryText={(r) => <StatusChip status={r.status} />}
        />
      ) : (
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="title" sortable={false} />
          <FunctionField<EventRecord> label="resources.events.fields.type" render={(r) => r.eventType?.label} />
          <FunctionField<EventRecord>
            label="resources.events.fields.when"
            render={(r) => dates.span(r.start, r.end) || r.timeExpression || '—'}
          />
          <FunctionField<EventRecord>
            label="resources.events.fields.participants"
            sortable={false}
            render={(r) => <Participants record={r} />}
          />
          <FunctionField<EventRecord> source="modality" sortable={false} render={(r) => label(r.modality)} />
          <StatusField source="status" sortable={false} />
          <DateField source="createdAt" label="resources.events.fields.createdAt" locales={locale} />
        </Datagrid>
      )}
    </List>
  );
}
