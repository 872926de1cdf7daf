import type { ReactNode } from 'react';
import { Button } from './Button';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The next page of an infinite query, on request; nothing once every page is loaded. */
export function ShowMore({ pages, children }: { pages: Pages; children: ReactNode }) {
  if (!pages.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      className="w-full"
      busy={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {children}
    </Button>
  );
}
