import { ButtonLink } from '../ui/Button';
import { useDocumentTitle } from '../ui/PageHeader';
import { EmptyState } from '../ui/States';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="p-4">
      <h1 tabIndex={-1} className="sr-only">
        Page not found
      </h1>
      <EmptyState title="There’s nothing here">
        <ButtonLink to="/events" className="mt-2">
          Go to events
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
