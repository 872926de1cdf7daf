import { CreateRatingBody, RATING_COMMENT_MAX } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
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

const SCORE_WORDS = ['', 'Poor', 'Fair', 'Good', 'Great', 'Excellent'];

/** Rate the partner of a completed match: 1–5, a comment, and "would collaborate again". */
export function RatePartnerPage() {
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
        score: 'Choose a score from 1 to 5',
        comment: `At most ${RATING_COMMENT_MAX} characters`,
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
        title={match.data ? `Rate ${nameOf(match.data.partner)}` : 'Rate partner'}
        subtitle={match.data?.event.name}
        back={{ to: `/matches/${id}`, label: 'Back to the match' }}
      />
      <QueryState query={match} what="the match">
        {(data) => {
          const partner = nameOf(data.partner);
          if (data.myRating) {
            return (
              <EmptyState title={`You rated ${partner}`}>
                <Stars score={data.myRating.score} />
                {data.myRating.comment && <p className="mt-2">“{data.myRating.comment}”</p>}
                <ButtonLink to="/history" variant="secondary" className="mt-3">
                  Back to history
                </ButtonLink>
              </EmptyState>
            );
          }
          if (data.status !== 'completed') {
            return (
              <EmptyState title="Not yet">
                You can rate {partner} once the match is marked as done.
              </EmptyState>
            );
          }
          return (
            <form onSubmit={handleSubmit} className="space-y-5" noValidate>
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-800">
                  How was it to work with {partner}?
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
                        {value} – {SCORE_WORDS[value]}
                      </span>
                    </label>
                  ))}
                </div>
                <p className="mt-1 h-5 text-sm text-slate-600" aria-live="polite">
                  {score > 0 ? `${score} of 5 – ${SCORE_WORDS[score]}` : ''}
                </p>
              </fieldset>
              <TextArea
                label="Comment (optional)"
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
                <span className="text-sm font-medium">
                  I would collaborate with {partner} again
                </span>
              </label>
              <FormAlert message={form.errors.score ?? form.formError} />
              <Button type="submit" className="w-full" busy={rate.isPending}>
                Submit rating
              </Button>
            </form>
          );
        }}
      </QueryState>
    </div>
  );
}
