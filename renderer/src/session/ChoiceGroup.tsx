import { useId } from 'react';
import classes from './Session.module.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** Spoken and shown on hover: the full wording behind a short label. */
  title?: string;
}

interface Props<V extends string> {
  legend: string;
  /** Shown in place of the legend (which is then only spoken). */
  hideLegend?: boolean;
  choices: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  name?: string;
  disabled?: boolean;
  error?: string | null;
  id?: string;
  size?: 'sm' | 'xs';
}

/**
 * A row of radio buttons drawn as a segmented control: native radios, so the
 * arrow keys move between choices and nothing is chosen until the clinician
 * chooses (a sedation level must never be pre-filled).
 */
export function ChoiceGroup<V extends string>({
  legend, hideLegend, choices, value, onChange, name, disabled, error, id, size = 'sm',
}: Props<V>) {
  const auto = useId();
  const group = name ?? `choice-${auto}`;
  const errorId = `${group}-error`;
  return (
    <fieldset
      className={classes.choice}
      data-size={size}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      id={id}
    >
      <legend className={hideLegend ? classes.srOnly : classes.choiceLegend}>{legend}</legend>
      <div className={classes.choiceRow}>
        {choices.map((c) => (
          <label key={c.value} className={classes.choiceItem} data-checked={value === c.value || undefined} title={c.title}>
            <input
              type="radio"
              name={group}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-label={c.title ? `${c.label}: ${c.title}` : undefined}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <div className={classes.fieldError} id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
