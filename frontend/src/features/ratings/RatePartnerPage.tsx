import { CreateRatingBody, RATING_COMMENT_MAX } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useIdParam } from '../../lib/useIdParam';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { FormAlert, TextArea } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { Stars } from '../../ui/Stars';
import { EmptyState } from '../../ui/States';
import { matchQuery } from '../../shared/matches';
import { useRatePartner } from './mutations';

/** The message keys of the scores' words, by score (1–5). */
const SCORE_WORDS = [
  '',
  'ratings.scores.poor',
  'ratings.scores.fair',
  'ratings.scores.good',
  'ratings.scores.great',
  'ratings.scores.excellent',
];

/** Rate the partner of a completed match: 1–5, a comment, and "would collaborate again". */
export function RatePartnerPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const navigate = useNavigate();
  const match = useQuery({ ...matchQuery(id), enabled: id > 0 });
  const rate = useRatePartner();
  const form = useSchemaForm(
    CreateRatingBody,
    { score: 0, comment: '', again: false },
    {
      toBody: ({ score, comment, again }) => ({
        matchId: id,
        score,
        comment: comment.trim() || undefined,
        wouldCollaborateAgain: again,
      }),
      messages: {
        score: t('ratings.errors.score'),
        comment: t('ratings.errors.comment', { max: RATING_COMMENT_MAX }),
      },
    },
  );
  const { score, comment, again } = form.values;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (body) {
      rate.mutate(body, { onSuccess: () => navigate('/history'), onError: form.showServerError });
    }
  };

  return (
    <div className="space-y-4 p-4">
      <PageHeader
        title={
          match.data
            ? t('ratings.title', { name: nameOf(match.data.partner) })
            : t('ratings.titleFallback')
        }
        subtitle={match.data?.event.name}
        back={{ to: `/matches/${id}`, label: t('ratings.back') }}
      />
      <QueryState query={match} what={t('ratings.loading')}>
        {(data) => {
          const partner = nameOf(data.partner);
          if (data.myRating) {
            return (
              <EmptyState title={t('ratings.rated', { name: partner })}>
                <Stars score={data.myRating.score} />
                {data.myRating.comment && <p className="mt-2">“{data.myRating.comment}”</p>}
                <ButtonLink to="/history" variant="secondary" className="mt-3">
                  {t('ratings.backToHistory')}
                </ButtonLink>
              </EmptyState>
            );
          }
          if (data.status !== 'completed') {
            return (
              <EmptyState title={t('ratings.notYet')}>
                {t('ratings.notYetBody', { name: partner })}
              </EmptyState>
            );
          }
          return (
            <form onSubmit={handleSubmit} className="space-y-5" noValidate>
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-800">
                  {t('ratings.question', { name: partner })}
                </legend>
                <div className="flex gap-1">
                  {[1, 2, 3, 4, 5].map((value) => (
                    <label
                      key={value}
                      className={cx(
                        'flex h-12 w-12 cursor-pointer items-center justify-center rounded-xl text-3xl has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-violet-600',
                        value <= score ? 'text-amber-600' : 'text-slate-500',
                      )}
                    >
                      <input
                        type="radio"
                        name="score"
                        value={value}
                        checked={score === value}
                        onChange={() => form.setValue('score', value)}
                        className="sr-only"
                      />
                      <span aria-hidden="true">★</span>
                      <span className="sr-only">
                        {t('ratings.scoreOption', { score: value, word: t(SCORE_WORDS[value]!) })}
                      </span>
                    </label>
                  ))}
                </div>
                <p className="mt-1 h-5 text-sm text-slate-600" aria-live="polite">
                  {score > 0 ? t('ratings.scoreOf', { score, word: t(SCORE_WORDS[score]!) }) : ''}
                </p>
              </fieldset>
              <TextArea
                label={t('ratings.comment')}
                rows={4}
                {...form.field('comment')}
                hint={`${comment.trim().length} / ${RATING_COMMENT_MAX}`}
              />
              <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border border-slate-200 bg-white px-3">
                <input
                  type="checkbox"
                  checked={again}
                  onChange={(e) => form.setValue('again', e.target.checked)}
                  className="h-5 w-5 accent-violet-600"
                />
                <span className="text-sm font-medium">{t('ratings.again', { name: partner })}</span>
              </label>
              <FormAlert message={form.errors.score ?? form.formError} />
              <Button type="submit" className="w-full" busy={rate.isPending}>
                {t('ratings.submit')}
              </Button>
            </form>
          );
        }}
      </QueryState>
    </div>
  );
}
