import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A page's title, with an optional back link and actions; the h1 of the page. */
export function PageHeader({
  title,
  back,
  subtitle,
  actions,
}: {
  title: ReactNode;
  back?: { to: string; label: string };
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex items-start gap-2">
      {back && (
        <Link
          to={back.to}
          className="-ml-2 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-200"
          aria-label={back.label}
        >
          <svg viewBox="0 0 24 24" className="h-6 w-6" aria-hidden="true" fill="none">
            <path
              d="M15 5l-7 7 7 7"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </Link>
      )}
      <div className="min-w-0 flex-1 py-1.5">
        <h1 className="truncate text-xl font-bold text-slate-900">{title}</h1>
        {subtitle && <div className="truncate text-sm text-slate-600">{subtitle}</div>}
      </div>
      {actions}
    </div>
  );
}
