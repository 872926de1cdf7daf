import {
  DANCE_ROLES,
  DIVISIONS,
  SOCIAL_EXAMPLES,
  SOCIAL_LABELS,
  SOCIAL_NETWORKS,
  UpdateMeBody,
  type Division,
  type Me,
} from '@spotlight/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { FormAlert, SelectField, TextField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { useAuth, useMe } from '../../shared/session';
import { InstallButton } from '../pwa';
import { DIVISION_LABELS, ROLE_KEYS } from './labels';
import { useUpdateProfile } from './mutations';
import { AppearanceSetting } from './AppearanceSetting';
import { LanguageSetting } from './LanguageSetting';
import { BlockedList } from './BlockedList';
import { MyReports } from './MyReports';
import { PrivacySection } from './PrivacySection';
import { AvatarPicker } from './AvatarPicker';
import { EmailSection } from './EmailSection';
import { RatingSummary } from './RatingSummary';
import { WsdcField, type WsdcFill } from './WsdcField';
import { useEditForm } from '../../lib/useEditForm';
import { countryOptions } from '../../lib/countries';

const FIELDS = [
  'displayName',
  'wsdcId',
  'danceRole',
  'division',
  'leaderDivision',
  'followerDivision',
  'city',
  'country',
  ...SOCIAL_NETWORKS,
] as const;
type FieldName = (typeof FIELDS)[number];
type FormValues = Record<FieldName, string>;

const toForm = (me: Me): FormValues => ({
  displayName: me.displayName ?? '',
  wsdcId: me.wsdcId ?? '',
  danceRole: me.danceRole ?? '',
  division: me.division ?? '',
  leaderDivision: me.leaderDivision ?? '',
  followerDivision: me.followerDivision ?? '',
  city: me.city ?? '',
  country: me.country ?? '',
  instagram: me.instagram ?? '',
  youtube: me.youtube ?? '',
  tiktok: me.tiktok ?? '',
  facebook: me.facebook ?? '',
});

/** The signed-in dancer's own profile, editable, with their ratings and the session actions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const update = useUpdateProfile();
  const { form, notice, setNotice, handleSubmit } = useEditForm(
    UpdateMeBody,
    FIELDS,
    toForm(me),
    update,
    { toForm, savedNotice: t('profile.saved') },
  );
  const [logoutError, setLogoutError] = useState<string>();
  const [loggingOut, setLoggingOut] = useState(false);
  const notSet = { value: '', label: t('profile.notSet') };
  const roleOptions = [notSet, ...DANCE_ROLES.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))];
  const divisionOptions = [
    notSet,
    ...DIVISIONS.map((d) => ({ value: d, label: DIVISION_LABELS[d] })),
  ];
  const countrySelectOptions = [notSet, ...countryOptions()];

  const field = (name: FieldName) => {
    const { onChange, ...props } = form.field(name);
    return {
      ...props,
      onChange: (event: { target: { value: string } }) => {
        onChange(event);
        setNotice(undefined);
      },
    };
  };

  const handleWsdcFill = (fill: WsdcFill) => {
    for (const [name, value] of Object.entries(fill)) form.setValue(name as FieldName, value);
    setNotice(undefined);
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
      <PageHeader title={t('profile.title')} />
      <div className="flex items-center gap-3">
        <Avatar name={name} url={me.avatar} size="lg" />
        <div className="min-w-0">
          <p className="truncate text-lg font-semibold">{name}</p>
          <p className="truncate text-sm text-slate-600">
            @{me.username} · {me.email}
          </p>
          <ButtonLink to={`/users/${me.id}`} variant="ghost" className="-ml-4">
            {t('profile.seePublic')}
          </ButtonLink>
        </div>
      </div>

      <AvatarPicker me={me} />

      <EmailSection />

      <form
        onSubmit={handleSubmit}
        className="space-y-4 rounded-2xl bg-white p-4 shadow-sm"
        noValidate
      >
        <h2 className="font-semibold text-slate-900">{t('profile.details')}</h2>
        <TextField
          label={t('profile.displayName')}
          {...field('displayName')}
          autoComplete="nickname"
        />
        <WsdcField
          field={field('wsdcId')}
          savedId={me.wsdcId ?? ''}
          displayName={form.values.displayName}
          leaderDivision={(form.values.leaderDivision || null) as Division | null}
          followerDivision={(form.values.followerDivision || null) as Division | null}
          onFill={handleWsdcFill}
        />
        <div className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <SelectField label={t('profile.role')} options={roleOptions} {...field('danceRole')} />
          <SelectField
            label={t('profile.division')}
            options={divisionOptions}
            {...field('division')}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2">
          <TextField label={t('profile.city')} {...field('city')} autoComplete="address-level2" />
          <SelectField
            label={t('profile.country')}
            options={countrySelectOptions}
            {...field('country')}
            autoComplete="country"
          />
        </div>
        <fieldset className="space-y-4">
          <legend className="font-semibold text-slate-900">{t('profile.social')}</legend>
          <p className="text-sm text-slate-600">{t('profile.socialHint')}</p>
          {SOCIAL_NETWORKS.map((network) => (
            <TextField
              key={network}
              label={SOCIAL_LABELS[network]}
              type="url"
              inputMode="url"
              autoCapitalize="none"
              placeholder={SOCIAL_EXAMPLES[network]}
              {...field(network)}
            />
          ))}
        </fieldset>
        <FormAlert message={form.formError} />
        {notice && (
          <p role="status" className="text-sm text-emerald-800">
            {notice}
          </p>
        )}
        <Button type="submit" className="w-full" busy={update.isPending}>
          {t('profile.save')}
        </Button>
      </form>

      <RatingSummary userId={me.id} />

      <BlockedList />

      <MyReports />

      <PrivacySection userId={me.id} />

      <section
        className="space-y-2 rounded-2xl bg-white p-4 shadow-sm"
        aria-labelledby="app-actions"
      >
        <h2 id="app-actions" className="font-semibold text-slate-900">
          {t('profile.app')}
        </h2>
        <LanguageSetting />
        <AppearanceSetting />
        <InstallButton />
        <Button
          variant="secondary"
          className="w-full"
          busy={loggingOut}
          onClick={() => void handleLogout(false)}
        >
          {t('profile.logOut')}
        </Button>
        <Button
          variant="danger"
          className="w-full"
          disabled={loggingOut}
          onClick={() => void handleLogout(true)}
        >
          {t('profile.logOutEverywhere')}
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
