import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { Patient, PatientFields } from '../../../shared/schemas/patient';
import type { ApiError, Result } from '../../../shared/result';
import { isGateError } from '../app/workspace';
import { PATIENT_FORM_FIELDS, patientFormToFields, validatePatientForm, type PatientFormValues } from './patientFormModel';
import { focusField, formFieldOf } from './serverErrors';

/**
 * The patient form's state, validated as you type and on leaving a field with
 * the shared schema (and, for a form with more fields, its own `validate`).
 */
export function usePatientForm<V extends PatientFormValues>(
  initialValues: V,
  validate: (values: V) => FormErrors = validatePatientForm,
) {
  return useForm<V>({
    mode: 'controlled',
    initialValues,
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
}

/** After a refused submit, put the cursor on the first field (in form order) that needs attention. */
export function focusFirstError(idPrefix: string, errors: FormErrors, order: readonly string[] = PATIENT_FORM_FIELDS) {
  const first = order.find((f) => errors[f]);
  if (first) focusField(idPrefix, first);
}

/**
 * Submitting a patient form: `save` runs once the form is valid, and what it
 * refuses stays on screen with everything typed. A refusal about one of
 * `fields` goes on that field, with the cursor there; any other is `formError`,
 * except a closed gate (locked, signed out), which the workspace shows over the screen: save again after.
 */
export function usePatientSave<V extends PatientFormValues>(
  form: UseFormReturnType<V>,
  idPrefix: string,
  fields: readonly string[],
  /** Null when the clinician cancelled (an electronic signature not given): nothing was sent. */
  save: (values: V, patient: PatientFields) => Promise<Result<Patient> | null>,
  onSaved: (patient: Patient) => void,
) {
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(
    async (values) => {
      const patient = patientFormToFields(values);
      if (!patient) return;
      setSaving(true);
      setFormError(null);
      const result = await save(values, patient);
      setSaving(false);
      if (!result) return;
      if (result.ok) return onSaved(result.data);
      const field = formFieldOf(result.error, fields);
      if (field) {
        form.setFieldError(field, result.error.message);
        focusField(idPrefix, field);
      } else if (!isGateError(result.error)) {
        setFormError(result.error);
      }
    },
    (errors) => focusFirstError(idPrefix, errors, fields),
  );

  return { submit, saving, formError };
}
