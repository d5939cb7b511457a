import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
  end?: boolean;
}

/** Section navigation rendered as links (each tab has its own URL). */
export function LinkTabs({ tabs, label }: { tabs: TabLink[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** In-page segmented control. */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: { value: T; label: string; count?: number }[];
  value: T;
  onChange: (value: T) => void;
  label: string;
}) {
  return (
    <div className="tabs" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={option.value === value ? 'tab active' : 'tab'}
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
          {option.count ? <span className="tab-count">{option.count}</span> : null}
        </button>
      ))}
    </div>
  );
}
