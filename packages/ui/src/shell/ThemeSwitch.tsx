import { Monitor, Moon, Sun } from "lucide-react";
import { useId } from "react";
import { type ThemeChoice, useTheme } from "./useTheme.js";

const choices: { value: ThemeChoice; label: string; Icon: typeof Sun }[] = [
  { value: "system", label: "System theme", Icon: Monitor },
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "dark", label: "Dark theme", Icon: Moon },
];

export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  const name = useId();
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {choices.map(({ value, label, Icon }) => (
        <span key={value}>
          <input
            type="radio"
            id={`${name}-${value}`}
            name={name}
            value={value}
            checked={theme === value}
            onChange={() => setTheme(value)}
            aria-label={label}
          />
          <label htmlFor={`${name}-${value}`} title={label}>
            <Icon size={14} aria-hidden="true" />
          </label>
        </span>
      ))}
    </div>
  );
}
