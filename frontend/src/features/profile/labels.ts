import type { DanceRole, Division } from '@spotlight/contracts';

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
