ALTER TABLE "users" ADD COLUMN "instagram" varchar(200);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "youtube" varchar(200);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "tiktok" varchar(200);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "facebook" varchar(200);