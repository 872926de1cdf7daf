import type { Me, PublicUser, UserSummary } from '@spotlight/contracts';
import type { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
type SummaryRow = Pick<UserRow, 'id' | 'username' | 'displayName' | 'avatar'>;

export const toUserSummary = (row: SummaryRow): UserSummary => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  avatar: row.avatar,
});

export const toPublicUser = (row: UserRow): PublicUser => ({
  ...toUserSummary(row),
  wsdcId: row.wsdcId,
  danceRole: row.danceRole,
  division: row.division,
  leaderDivision: row.leaderDivision,
  followerDivision: row.followerDivision,
  city: row.city,
  country: row.country,
  instagram: row.instagram,
  youtube: row.youtube,
  tiktok: row.tiktok,
  facebook: row.facebook,
  createdAt: row.createdAt.toISOString(),
});

export const toMe = (
  row: UserRow,
  roles: { isAdmin: boolean; organiserOf: number[] },
  pendingEmail: string | null,
): Me => ({
  ...toPublicUser(row),
  email: row.email,
  emailVerified: row.emailVerifiedAt !== null,
  pendingEmail,
  language: row.language,
  isAdmin: roles.isAdmin,
  organiserOf: roles.organiserOf,
});
