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
} from 'react-admin';

import { ATTRIBUTIONS, CLAIM_LINK_TYPES, CLAIM_MODALITIES, CLAIM_RANKS, CREDIBILITIES } from '../common/choices';

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
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 900 }} defaultValues={defaultValues} warnWhenUnsavedChanges>
      {header}
      <TextInput source="text" label="The claim, stated plainly" multiline fullWidth validate={required()} />
      <Typography variant="subtitle2">Who makes it: an entity, or a description of an unnamed one</Typography>
      <ReferenceInput source="claimantId" reference="entities">
        <AutocompleteInput optionText="name" label="Claimant (entity)" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <FormDataConsumer>
        {({ formData }) =>
          formData.claimantId ? null : (
            <TextInput source="claimantLabel" label="Unnamed claimant, as the source puts it (“a presidential aide”)" fullWidth />
          )
        }
      </FormDataConsumer>
      <SelectInput source="attribution" choices={ATTRIBUTIONS} validate={required()} />
      <SelectInput source="modality" choices={CLAIM_MODALITIES} validate={required()} />
      <SelectInput source="credibility" label="Credibility (Admiralty)" choices={CREDIBILITIES} emptyText="Not graded" />
      <SelectInput source="rank" choices={CLAIM_RANKS} emptyText="Normal" />
      <NumberInput
        source="checkWorthiness"
        label="Worth checking (0 to 1)"
        helperText="How much a fact-checker should look at it: 1 for a checkable claim that matters, 0 for none; empty if not judged"
        min={0}
        max={1}
        step={0.1}
        validate={[minValue(0), maxValue(1)]}
      />
      <ReferenceArrayInput source="eventIds" reference="events">
        <AutocompleteArrayInput optionText="title" label="About events" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="entityIds" reference="entities">
        <AutocompleteArrayInput optionText="name" label="About entities" fullWidth filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <ArrayInput source="links" label="Links to other claims">
        <SimpleFormIterator inline>
          <SelectInput source="type" choices={CLAIM_LINK_TYPES} validate={required()} />
          <ReferenceInput source="toClaimId" reference="claims">
            <AutocompleteInput
              optionText="text"
              label="Claim"
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
