import { useTranslation } from 'react-i18next';

/**
 * A score out of five as stars, read out as "4 out of 5", or with `count` as
 * "4.5 out of 5, 12 ratings".
 */
export function Stars({
  score,
  count,
  className,
}: {
  score: number;
  count?: number;
  className?: string;
}) {
  const { t } = useTranslation();
  const rounded = Math.round(score);
  const label =
    count === undefined ? t('common.stars', { score }) : t('common.starsRated', { score, count });
  return (
    <span className={className} role="img" aria-label={label}>
      <span aria-hidden="true" className="text-amber-600">
        {'★'.repeat(rounded)}
      </span>
      <span aria-hidden="true" className="text-slate-500">
        {'★'.repeat(5 - rounded)}
      </span>
    </span>
  );
}
