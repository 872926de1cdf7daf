import { z } from 'zod';
import { HttpUrl, Id, IdParams, OkResponse, Timestamp, trimmed } from '../common';
import { Country, CountryCode } from '../countries';
import { Language } from '../languages';
import { defineEndpoint } from './endpoint';

export const DANCE_ROLES = ['leader', 'follower', 'both'] as const;
export const DanceRole = z.enum(DANCE_ROLES);
export type DanceRole = z.infer<typeof DanceRole>;

/** WSDC skill divisions, lowest to highest. */
export const DIVISIONS = [
  'newcomer',
  'novice',
  'intermediate',
  'advanced',
  'all_star',
  'champion',
] as const;
export const Division = z.enum(DIVISIONS);
export type Division = z.infer<typeof Division>;

/**
 * Usernames are ASCII handles (unique whatever their case, `lower(username)` in the database);
 * a name with accents or spaces ("José", "Ana Lopez") is the display name.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const USERNAME_RULE =
  'Latin letters a–z, digits, dot, dash and underscore; no spaces or accents';
export const Username = z
  .string()
  .trim()
  .min(3, 'At least 3 characters')
  .max(30, 'At most 30 characters')
  .regex(USERNAME_PATTERN, USERNAME_RULE);

/** The name other dancers read: any script, spaces allowed, stored in NFC (one "é", however typed). */
export const DisplayName = z.string().trim().normalize('NFC').min(1).max(50);

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

export const WsdcId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,10}$/, 'Digits only (your WSDC number)');

/** Where dancers post their videos; each profile link is checked against its network. */
export const SOCIAL_NETWORKS = ['instagram', 'youtube', 'tiktok', 'facebook'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  facebook: 'Facebook',
};

/** A profile on the network, over https: a handle or a channel, not any page of the site. */
export const SOCIAL_PATTERNS: Record<SocialNetwork, RegExp> = {
  instagram: /^https:\/\/(www\.)?instagram\.com\/[A-Za-z0-9_.]{1,30}\/?$/,
  youtube:
    /^https:\/\/(www\.|m\.)?youtube\.com\/(@[A-Za-z0-9_.-]{3,30}|channel\/UC[A-Za-z0-9_-]{22})\/?$/,
  tiktok: /^https:\/\/(www\.)?tiktok\.com\/@[A-Za-z0-9_.]{2,24}\/?$/,
  facebook: /^https:\/\/(www\.|m\.)?facebook\.com\/[A-Za-z0-9.]{5,50}\/?$/,
};

export const SOCIAL_EXAMPLES: Record<SocialNetwork, string> = {
  instagram: 'https://instagram.com/your.name',
  youtube: 'https://youtube.com/@yourchannel',
  tiktok: 'https://tiktok.com/@your.name',
  facebook: 'https://facebook.com/your.name',
};

const socialLink = (network: SocialNetwork) =>
  z
    .string()
    .trim()
    .max(200)
    .regex(
      SOCIAL_PATTERNS[network],
      `A link to your ${SOCIAL_LABELS[network]} profile, like ${SOCIAL_EXAMPLES[network]}`,
    );

/** The least a chat line or a list needs to show a person. */
export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string().nullable(),
  avatar: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** What anyone signed in may see of a dancer: never the email or the password hash. */
export const PublicUser = UserSummary.extend({
  wsdcId: z.string().nullable(),
  danceRole: DanceRole.nullable(),
  division: Division.nullable(),
  /** The highest WSDC division per role, as filled from the points registry (then saved). */
  leaderDivision: Division.nullable(),
  followerDivision: Division.nullable(),
  city: z.string().nullable(),
  /** ISO 3166-1 alpha-2 (`PL`); the app shows the name and the flag. */
  country: Country.nullable(),
  instagram: z.string().nullable(),
  youtube: z.string().nullable(),
  tiktok: z.string().nullable(),
  facebook: z.string().nullable(),
  createdAt: Timestamp,
});
export type PublicUser = z.infer<typeof PublicUser>;

/** The signed-in user's own profile, with the roles the app shows screens for. */
export const Me = PublicUser.extend({
  email: z.string(),
  /** Whether the current e-mail address was confirmed from a mailed link. */
  emailVerified: z.boolean(),
  /** A new address waiting for its mailed link to be opened; null when none is. */
  pendingEmail: z.string().nullable(),
  /** The language chosen for the app, its mails and pushes; null: the browser's. */
  language: Language.nullable(),
  /** Site admin: manages every event, grants organisers, reads every report. */
  isAdmin: z.boolean(),
  /** Events this user organises. */
  organiserOf: z.array(Id),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z
  .strictObject({
    displayName: DisplayName.nullable(),
    avatar: HttpUrl.pipe(z.string().max(255)).nullable(),
    wsdcId: WsdcId.nullable(),
    danceRole: DanceRole.nullable(),
    division: Division.nullable(),
    leaderDivision: Division.nullable(),
    followerDivision: Division.nullable(),
    city: trimmed(1, 100).nullable(),
    country: CountryCode.nullable(),
    instagram: socialLink('instagram').nullable(),
    youtube: socialLink('youtube').nullable(),
    tiktok: socialLink('tiktok').nullable(),
    facebook: socialLink('facebook').nullable(),
    language: Language.nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field');
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/** The own password again, before the account is deleted. */
export const DeleteMeBody = z.strictObject({ password: z.string().min(1).max(200) });
export type DeleteMeBody = z.infer<typeof DeleteMeBody>;

/**
 * Everything stored about the signed-in user ("Download my data"): the account, and every row
 * of every table that names them, by table. Secrets (password and token hashes) are left out.
 */
export const MyData = z.object({
  exportedAt: Timestamp,
  account: z.record(z.string(), z.unknown()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type MyData = z.infer<typeof MyData>;

export const usersEndpoints = {
  me: defineEndpoint({
    method: 'GET',
    path: '/api/users/me',
    auth: 'user',
    tag: 'users',
    summary: 'The signed-in user, with their email',
    response: Me,
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/api/users/me',
    auth: 'user',
    tag: 'users',
    summary: 'Update the own profile (send only the fields to change; null clears one)',
    body: UpdateMeBody,
    response: Me,
  }),
  uploadAvatar: defineEndpoint({
    method: 'POST',
    path: '/api/users/me/avatar',
    auth: 'user',
    tag: 'users',
    summary:
      'Upload a profile photo as the raw request body (JPEG, PNG, WebP, HEIC…, up to 10 MB); stored as 512 and 128 px WebP without EXIF',
    response: Me,
    errors: ['unsupported_media_type', 'payload_too_large'],
  }),
  deleteAvatar: defineEndpoint({
    method: 'DELETE',
    path: '/api/users/me/avatar',
    auth: 'user',
    tag: 'users',
    summary: 'Remove the profile photo',
    response: Me,
  }),
  exportMe: defineEndpoint({
    method: 'GET',
    path: '/api/users/me/export',
    auth: 'user',
    tag: 'users',
    summary: 'Everything stored about the signed-in user, as JSON (GDPR access and portability)',
    response: MyData,
  }),
  deleteMe: defineEndpoint({
    method: 'DELETE',
    path: '/api/users/me',
    auth: 'user',
    tag: 'users',
    summary:
      'Delete the own account: personal data erased, messages kept as "Deleted dancer", every session and socket closed',
    body: DeleteMeBody,
    response: OkResponse,
    errors: ['password_incorrect', 'rate_limited'],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/users/:id',
    auth: 'user',
    tag: 'users',
    summary: "Another dancer's public profile",
    params: IdParams,
    response: PublicUser,
    errors: ['not_found'],
  }),
} as const;
