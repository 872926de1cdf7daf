import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

const APP_NAME = 'spotlight.cam';
let focusPending = false;

/**
 * After a client-side navigation, a screen reader should land on the new page's title, as it
 * would after a page load: the heading takes the focus now if it is on screen, or as soon as
 * the page (a lazy chunk, perhaps) shows it.
 */
export function focusPageHeading() {
  const heading = document.querySelector<HTMLElement>('#main h1');
  focusPending = !heading;
  heading?.focus({ preventScroll: true });
}

/** The browser tab's (and the history entry's) title: the page's, then the app's name. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/** A page's title (up to two lines), with an optional back link and actions; the h1 of the page and the tab's title. */
export function PageHeader({
  title,
  documentTitle,
  back,
  subtitle,
  actions,
}: {
  title: ReactNode;
  /** The tab's title when `title` is not plain text. */
  documentTitle?: string;
  back?: { to: string; label: string };
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const pageTitle = typeof title === 'string' ? title : documentTitle;

  useDocumentTitle(pageTitle);

  useEffect(() => {
    if (!focusPending) return;
    focusPending = false;
    heading.current?.focus({ preventScroll: true });
  }, []);

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
        <h1
          dir="auto"
          ref={heading}
          tabIndex={-1}
          // Long event names ("US Open Swing Dance Championships") wrap to two lines
          // rather than being cut where there is room.
          className="line-clamp-2 break-words text-xl font-bold text-slate-900 focus:outline-none"
        >
          {title}
        </h1>
        {subtitle && <div className="truncate text-sm text-slate-600">{subtitle}</div>}
      </div>
      {actions}
    </div>
  );
}
