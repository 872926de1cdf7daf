import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/Button';
import { useDocumentTitle } from '../ui/PageHeader';
import { EmptyState } from '../ui/States';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="p-4">
      <h1 tabIndex={-1} className="sr-only">
        {t('notFound.title')}
      </h1>
      <EmptyState title={t('notFound.body')}>
        <ButtonLink to="/events" className="mt-2">
          {t('notFound.action')}
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
