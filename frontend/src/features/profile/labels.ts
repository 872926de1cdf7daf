import type { DanceRole, Division, REPORT_REASONS } from '@spotlight/contracts';

export const ROLE_LABELS: Record<DanceRole, string> = {
  leader: 'Leader',
  follower: 'Follower',
  both: 'Leader & follower',
};

export const DIVISION_LABELS: Record<Division, string> = {
  newcomer: 'Newcomer',
  novice: 'Novice',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  all_star: 'All-Star',
  champion: 'Champion',
};

export const REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  harassment: 'Harassment',
  inappropriate_content: 'Inappropriate content',
  no_show: 'Did not show up',
  spam: 'Spam',
  impersonation: 'Pretending to be someone else',
  other: 'Something else',
};
