ALTER TABLE "heats" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "idx_heats_due" ON "heats" USING btree ("starts_at") WHERE "heats"."reminded_at" IS NULL;