ALTER TABLE "transfer_reports" ADD COLUMN "transfer_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_reports_transfer_role_key" ON "transfer_reports" USING btree ("transfer_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_reports_transfer_user_key" ON "transfer_reports" USING btree ("transfer_id","user_id");