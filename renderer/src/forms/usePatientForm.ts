import { useForm, type FormErrors } from '@mantine/form';
import { PATIENT_FORM_FIELDS, validatePatientForm, type PatientFormValues } from './patientFormModel';
import { focusField } from './serverErrors';

/** The patient form's state, validated as you type and on leaving a field with the shared schema. */
export function usePatientForm(initialValues: PatientFormValues) {
  return useForm<PatientFormValues>({
    mode: 'controlled',
    initialValues,
    validate: validatePatientForm,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
}

/** After a refused submit, put the cursor on the first field (in form order) that needs attention. */
export function focusFirstError(idPrefix: string, errors: FormErrors, order: readonly string[] = PATIENT_FORM_FIELDS) {
  const first = order.find((f) => errors[f]);
  if (first) focusField(idPrefix, first);
}
