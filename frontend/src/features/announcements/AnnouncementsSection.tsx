import { ANNOUNCEMENT_MAX, PostAnnouncementBody } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/errors';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert, TextArea } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { AnnouncementItem } from './AnnouncementItem';
import { usePostAnnouncement, useRemoveAnnouncement } from './mutations';
import { announcementsQuery } from './queries';
import { useTranslation } from 'react-i18next';

/** On the organiser's page: tell every dancer of the event, and withdraw what is out of date. */
export function AnnouncementsSection({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const announcements = useQuery(announcementsQuery(eventId));
  const post = usePostAnnouncement(eventId);
  const remove = useRemoveAnnouncement(eventId);
  const [notice, setNotice] = useState<string>();
  const form = useSchemaForm(
    PostAnnouncementBody,
    { content: '' },
    { showErrors: 'submit', messages: { content: t('announcements.writeFirst') } },
  );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const body = form.validate();
    if (!body) return;
    post.mutate(body.content, {
      onSuccess: () => {
        form.reset({ content: '' });
        setNotice(t('announcements.posted'));
      },
      onError: form.showServerError,
    });
  };

  return (
    <section
      aria-labelledby="announcements-title"
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
    >
      <h2 id="announcements-title" className="font-semibold text-slate-900">
        {t('announcements.title')}
      </h2>
      <form
        onSubmit={handleSubmit}
        className="space-y-3"
        noValidate
        aria-label={t('announcements.form')}
      >
        <TextArea
          label={t('announcements.label')}
          rows={3}
          {...form.field('content')}
          hint={t('announcements.hint', {
            length: form.values.content.trim().length,
            max: ANNOUNCEMENT_MAX,
          })}
        />
        <FormAlert message={form.formError} />
        {notice && (
          <p role="status" className="text-sm text-emerald-800">
            {notice}
          </p>
        )}
        <Button type="submit" className="w-full" busy={post.isPending}>
          {t('announcements.post')}
        </Button>
      </form>
      <QueryState query={announcements} what={t('announcements.what')}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('announcements.none')}</p>
          ) : (
            <ul className="space-y-2" aria-label={t('announcements.list')}>
              {data.items.map((announcement) => (
                <li key={announcement.id}>
                  <AnnouncementItem announcement={announcement}>
                    <div className="mt-1 flex justify-end">
                      <Button
                        variant="danger"
                        busy={remove.isPending && remove.variables === announcement.id}
                        onClick={() => remove.mutate(announcement.id)}
                        aria-label={t('announcements.withdrawLabel', {
                          text: announcement.content.slice(0, 40),
                        })}
                      >
                        {t('announcements.withdraw')}
                      </Button>
                    </div>
                  </AnnouncementItem>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {remove.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(remove.error)}
        </p>
      )}
    </section>
  );
}
