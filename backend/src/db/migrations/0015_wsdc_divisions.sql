ALTER TABLE "users" ADD COLUMN "leader_division" varchar(20);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "follower_division" varchar(20);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_leader_division" CHECK (leader_division in ('newcomer', 'novice', 'intermediate', 'advanced', 'all_star', 'champion'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_follower_division" CHECK (follower_division in ('newcomer', 'novice', 'intermediate', 'advanced', 'all_star', 'champion'));