import { DANCE_ROLES, DIVISIONS, UpdateMeBody, type Me } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { FormAlert, SelectField, TextField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { useAuth, useMe } from '../../shared/session';
import { InstallButton } from '../pwa';
import { DIVISION_LABELS, ROLE_LABELS } from './labels';
import { useUpdateProfile } from './mutations';
import { RatingSummary } from './RatingSummary';

const FIELDS = [
  'displayName',
  'avatar',
  'wsdcId',
  'danceRole',
  'division',
  'city',
  'country',
] as const;
type FieldName = (typeof FIELDS)[number];
type FormValues = Record<FieldName, string>;

const toForm = (me: Me): FormValues => ({
  displayName: me.displayName ?? '',
  avatar: me.avatar ?? '',
  wsdcId: me.wsdcId ?? '',
  danceRole: me.danceRole ?? '',
  division: me.division ?? '',
  city: me.city ?? '',
  country: me.country ?? '',
});

/** Only the fields that changed; an emptied field is sent as null (cleared). */
const changes = (values: FormValues, me: Me) => {
  const initial = toForm(me);
  const diff: Record<string, string | null> = {};
  for (const field of FIELDS) {
    if (values[field].trim() !== initial[field]) diff[field] = values[field].trim() || null;
  }
  return diff;
};

const roleOptions = [
  { value: '', label: 'Not set' },
  ...DANCE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];
const divisionOptions = [
  { value: '', label: 'Not set' },
  ...DIVISIONS.map((d) => ({ value: d, label: DIVISION_LABELS[d] })),
];

/** The signed-in dancer's own profile, editable, with their ratings and the session actions. */
export function ProfilePage() {
  const me = useMe();
  const { logout } = useAuth();
  const update = useUpdateProfile();
  const [values, setValues] = useState<FormValues>(() => toForm(me));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [notice, setNotice] = useState<string>();
  const [logoutError, setLogoutError] = useState<string>();
  const [loggingOut, setLoggingOut] = useState(false);

  const set = (field: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(undefined);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const diff = changes(values, me);
    if (Object.keys(diff).length === 0) {
      setNotice('Nothing changed.');
      return;
    }
    const parsed = UpdateMeBody.safeParse(diff);
    if (!parsed.success) {
      const next: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as FieldName | undefined;
        if (field && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: (updated) => {
        setValues(toForm(updated));
        setNotice('Profile saved.');
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const next: Partial<Record<FieldName, string>> = {};
        for (const issue of error.issues) {
          const field = issue.path.replace(/^body\./, '').split('.')[0] as FieldName;
          if (FIELDS.includes(field)) next[field] = issue.message;
        }
        setErrors(next);
      },
    });
  };

  const handleLogout = async (everywhere: boolean) => {
    setLoggingOut(true);
    setLogoutError(undefined);
    try {
      await logout({ everywhere });
    } catch (error) {
      setLogoutError(errorMessage(error));
      setLoggingOut(false);
    }
  };

  const name = nameOf(me);
  return (
    <div className="space-y-5 p-4">
      <PageHeader title="Your profile" />
      <div className="flex items-center gap-3">
        <Avatar name={name} url={me.avatar} size="lg" />
        <div className="min-w-0">
          <p className="truncate text-lg font-semibold">{name}</p>
          <p className="truncate text-sm text-slate-600">
            @{me.username} · {me.email}
          </p>
          <ButtonLink to={`/users/${me.id}`} variant="ghost" className="-ml-4">
            See your public profile
          </ButtonLink>
        </div>
      </div>

      <form
        onSubmit={handleSubmit}
        className="space-y-4 rounded-2xl bg-white p-4 shadow-sm"
        noValidate
      >
        <h2 className="font-semibold text-slate-900">Details</h2>
        <TextField
          label="Display name"
          value={values.displayName}
          onChange={(e) => set('displayName')(e.target.value)}
          error={errors.displayName}
          autoComplete="nickname"
        />
        <TextField
          label="WSDC number"
          inputMode="numeric"
          value={values.wsdcId}
          onChange={(e) => set('wsdcId')(e.target.value)}
          error={errors.wsdcId}
        />
        <div className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <SelectField
            label="Role"
            value={values.danceRole}
            options={roleOptions}
            onChange={(e) => set('danceRole')(e.target.value)}
            error={errors.danceRole}
          />
          <SelectField
            label="Division"
            value={values.division}
            options={divisionOptions}
            onChange={(e) => set('division')(e.target.value)}
            error={errors.division}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <TextField
            label="City"
            value={values.city}
            onChange={(e) => set('city')(e.target.value)}
            error={errors.city}
            autoComplete="address-level2"
          />
          <TextField
            label="Country"
            value={values.country}
            onChange={(e) => set('country')(e.target.value)}
            error={errors.country}
            autoComplete="country-name"
          />
        </div>
        <TextField
          label="Avatar URL"
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={values.avatar}
          onChange={(e) => set('avatar')(e.target.value)}
          error={errors.avatar}
        />
        <FormAlert
          message={
            update.error && !(isApiError(update.error) && update.error.issues.length > 0)
              ? errorMessage(update.error)
              : undefined
          }
        />
        {notice && (
          <p role="status" className="text-sm text-emerald-800">
            {notice}
          </p>
        )}
        <Button type="submit" className="w-full" busy={update.isPending}>
          Save profile
        </Button>
      </form>

      <RatingSummary userId={me.id} />

      <section
        className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
        aria-labelledby="app-actions"
      >
        <h2 id="app-actions" className="font-semibold text-slate-900">
          App
        </h2>
        <InstallButton />
        <Button
          variant="secondary"
          className="w-full"
          busy={loggingOut}
          onClick={() => void handleLogout(false)}
        >
          Log out
        </Button>
        <Button
          variant="danger"
          className="w-full"
          disabled={loggingOut}
          onClick={() => void handleLogout(true)}
        >
          Log out on every device
        </Button>
        {logoutError && (
          <p role="alert" className="text-sm text-red-700">
            {logoutError}
          </p>
        )}
      </section>
    </div>
  );
}
