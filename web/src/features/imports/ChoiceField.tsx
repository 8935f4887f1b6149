/** A required choice outside a react-hook-form form: its label, its error (announced) and its select. */
export function ChoiceField({
  id,
  label,
  value,
  onChange,
  placeholder,
  options,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  options: { value: string; label: string }[];
  error?: string | null;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={`usa-form-group ${error ? 'usa-form-group--error' : ''}`}>
      <label className={`usa-label ${error ? 'usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="usa-error-message" id={errorId} role="alert">
          {error}
        </span>
      )}
      <select
        id={id}
        className={`usa-select ${error ? 'usa-input--error' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
