ALTER TABLE "users" ADD COLUMN "language" varchar(5);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language" CHECK (language in ('en', 'pl', 'fr', 'es', 'de'));