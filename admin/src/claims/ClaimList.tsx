import {
  AutocompleteInput,
  BooleanInput,
  DatagridConfigurable,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  useLocaleState,
} from 'react-admin';

import { ATTRIBUTIONS, CLAIM_MODALITIES, CLAIM_RANKS, REVIEW_STATUSES, vocabularyOption } from '../common/choices';
import { FocusableRows } from '../common/FocusableRows';
import { ListActions } from '../common/ListActions';
import { StatusChip, StatusField } from '../common/status';
import { usePhone } from '../common/usePhone';
import { useVocabulary } from '../common/vocabulary';
import type { ClaimRecord } from '../providers/resources';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={REVIEW_STATUSES} optionText={vocabularyOption} />,
  <SelectArrayInput key="attribution" source="attribution" choices={ATTRIBUTIONS} optionText={vocabularyOption} />,
  <SelectArrayInput key="modality" source="modality" choices={CLAIM_MODALITIES} optionText={vocabularyOption} />,
  <SelectArrayInput key="rank" source="rank" choices={CLAIM_RANKS} optionText={vocabularyOption} />,
  <ReferenceInput key="claimantId" source="claimantId" reference="entities">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="sourceId" source="sourceId" reference="sources">
    <AutocompleteInput optionText="title" />
  </ReferenceInput>,
  <BooleanInput key="includeDeleted" source="includeDeleted" />,
];

export function ClaimList() {
  const phone = usePhone();
  const label = useVocabulary();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} actions={<ListActions exports="claims" />}>
      {phone ? (
        <SimpleList<ClaimRecord>
          linkType="show"
          primaryText={(r) => r.text}
          secondaryText={(r) => `${r.claimantName} · ${label(r.attribution)} · ${label(r.modality)}`}
          tertiaryText={(r) => <StatusChip status={r.status} />}
        />
      ) : (
        <DatagridConfigurable body={FocusableRows} rowClick="show" bulkActionButtons={false}>
          <TextField source="text" sortable={false} />
          <TextField source="claimantName" sortable={false} />
          <FunctionField<ClaimRecord> source="attribution" sortable={false} render={(r) => label(r.attribution)} />
          <FunctionField<ClaimRecord> source="modality" sortable={false} render={(r) => label(r.modality)} />
          <StatusField source="status" sortable={false} />
          <DateField source="createdAt" showTime locales={locale} />
        </DatagridConfigurable>
      )}
    </List>
  );
}
