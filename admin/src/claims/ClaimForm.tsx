import { Typography } from '@mui/material';
import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';

import { ATTRIBUTIONS, CLAIM_LINK_TYPES, CLAIM_MODALITIES, CLAIM_RANKS, CREDIBILITIES, vocabularyOption } from '../common/choices';

/** The claim's fields, the same for a new claim and an edit. */
export function ClaimForm({
  toolbar,
  header,
  defaultValues,
}: {
  toolbar: ReactElement;
  header?: ReactElement;
  defaultValues?: Record<string, unknown>;
}) {
  const translate = useTranslate();
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 900 }} defaultValues={defaultValues} warnWhenUnsavedChanges>
      {header}
      <TextInput source="text" label="console.claims.form.text" multiline fullWidth validate={required()} />
      <Typography variant="subtitle2">{translate('console.claims.form.who')}</Typography>
      <ReferenceInput source="claimantId" reference="entities">
        <AutocompleteInput optionText="name" label="console.claims.form.claimant" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <FormDataConsumer>
        {({ formData }) =>
          formData.claimantId ? null : <TextInput source="claimantLabel" label="console.claims.form.claimantLabel" fullWidth />
        }
      </FormDataConsumer>
      <SelectInput source="attribution" choices={ATTRIBUTIONS} optionText={vocabularyOption} validate={required()} />
      <SelectInput source="modality" choices={CLAIM_MODALITIES} optionText={vocabularyOption} validate={required()} />
      <SelectInput
        source="credibility"
        label="console.claims.form.credibility"
        choices={CREDIBILITIES}
        emptyText="console.claims.form.notGraded"
      />
      <SelectInput source="rank" choices={CLAIM_RANKS} optionText={vocabularyOption} emptyText="console.common.values.NORMAL" />
      <NumberInput
        source="checkWorthiness"
        label="console.claims.form.checkWorthiness"
        helperText="console.claims.form.checkWorthinessHelp"
        min={0}
        max={1}
        step={0.1}
        validate={[minValue(0), maxValue(1)]}
      />
      <ReferenceArrayInput source="eventIds" reference="events">
        <AutocompleteArrayInput optionText="title" label="console.claims.form.events" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="entityIds" reference="entities">
        <AutocompleteArrayInput optionText="name" label="console.claims.form.entities" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <ArrayInput source="links" label="console.claims.form.links">
        <SimpleFormIterator inline>
          <SelectInput
            source="type"
            label="console.claims.form.linkType"
            choices={CLAIM_LINK_TYPES}
            optionText={vocabularyOption}
            validate={required()}
          />
          <ReferenceInput source="toClaimId" reference="claims">
            <AutocompleteInput
              optionText="text"
              label="console.claims.form.claim"
              sx={{ minWidth: 400 }}
              filterToQuery={(q) => ({ q })}
              validate={required()}
            />
          </ReferenceInput>
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
