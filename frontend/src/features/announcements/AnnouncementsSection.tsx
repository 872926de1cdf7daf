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

/** On the organiser's page: tell every dancer of the event, and withdraw what is out of date. */
export function AnnouncementsSection({ eventId }: { eventId: number }) {
  const announcements = useQuery(announcementsQuery(eventId));
  const post = usePostAnnouncement(eventId);
  const remove = useRemoveAnnouncement(eventId);
  const [notice, setNotice] = useState<string>();
  const form = useSchemaForm(
    PostAnnouncementBody,
    { content: '' },
    { showErrors: 'submit', messages: { content: 'Write the announcement first' } },
  );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const body = form.validate();
    if (!body) return;
    post.mutate(body.content, {
      onSuccess: () => {
        form.reset({ content: '' });
        setNotice('Announcement posted: it is pinned at the top of the event chat.');
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
        Announcements
      </h2>
      <form onSubmit={handleSubmit} className="space-y-3" noValidate aria-label="New announcement">
        <TextArea
          label="Announcement"
          rows={3}
          {...form.field('content')}
          hint={`Every dancer of the event sees it, pinned in the chat · ${form.values.content.trim().length} / ${ANNOUNCEMENT_MAX}`}
        />
        <FormAlert message={form.formError} />
        {notice && (
          <p role="status" className="text-sm text-emerald-800">
            {notice}
          </p>
        )}
        <Button type="submit" className="w-full" busy={post.isPending}>
          Post announcement
        </Button>
      </form>
      <QueryState query={announcements} what="the announcements">
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-600">No announcements yet.</p>
          ) : (
            <ul className="space-y-2" aria-label="Posted announcements">
              {data.items.map((announcement) => (
                <li key={announcement.id}>
                  <AnnouncementItem announcement={announcement}>
                    <div className="mt-1 flex justify-end">
                      <Button
                        variant="danger"
                        busy={remove.isPending && remove.variables === announcement.id}
                        onClick={() => remove.mutate(announcement.id)}
                        aria-label={`Withdraw announcement: ${announcement.content.slice(0, 40)}`}
                      >
                        Withdraw
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
