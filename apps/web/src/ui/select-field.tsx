import { useId } from 'react';

export type Option = { value: string; label: string };

export function SelectField({
  label,
  value,
  options,
  onValue,
  required,
  name,
}: {
  label: string;
  value: string;
  options: Option[];
  onValue: (value: string) => void;
  required?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} onChange={(e) => onValue(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
