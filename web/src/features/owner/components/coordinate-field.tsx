import { useEffect, useState } from 'react';
import { TextField } from '@/components/ui/field';

/** A number input that lets people type "37." on the way to "37.98", and follows map picks. */
export function CoordinateField({
  label,
  name,
  value,
  onChange,
  error,
}: {
  label: string;
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
}) {
  const [text, setText] = useState(value == null ? '' : String(value));
  useEffect(() => {
    setText((current) => {
      const parsed = current.trim() === '' ? null : Number(current);
      return parsed === value ? current : value == null ? '' : String(value);
    });
  }, [value]);
  return (
    <TextField
      label={label}
      name={name}
      inputMode="decimal"
      value={text}
      error={error}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(null);
        else if (Number.isFinite(Number(next))) onChange(Number(next));
      }}
    />
  );
}
