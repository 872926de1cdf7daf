import { useId, type ReactNode } from 'react';

interface SwitchProps {
  label: ReactNode;
  /** Says what on and off mean; read after the label. */
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off setting: a checkbox with the switch role, its label and hint, 44 px tall. */
export function Switch({ label, hint, checked, onChange, disabled }: SwitchProps) {
  const hintId = useId();
  return (
    <div className="space-y-1">
      <label className="flex min-h-11 cursor-pointer items-center justify-between gap-3">
        <span className="font-medium text-slate-800">{label}</span>
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
          className="peer sr-only"
        />
        <span
          aria-hidden="true"
          className="relative h-7 w-12 shrink-0 rounded-full bg-slate-300 transition after:absolute after:left-1 after:top-1 after:h-5 after:w-5 after:rounded-full after:bg-white after:shadow after:transition peer-checked:bg-violet-600 peer-checked:after:translate-x-5 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-violet-600 peer-disabled:opacity-50"
        />
      </label>
      <p id={hintId} className="text-xs text-slate-500">
        {hint}
      </p>
    </div>
  );
}
