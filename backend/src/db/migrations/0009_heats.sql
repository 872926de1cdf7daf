CREATE TABLE "dancer_entries" (
	"event_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"bib" varchar(20),
	"willing_to_record" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dancer_entries_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dancer_heats" (
	"event_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"heat_id" integer NOT NULL,
	"role" varchar(10) NOT NULL,
	CONSTRAINT "dancer_heats_user_id_heat_id_pk" PRIMARY KEY("user_id","heat_id"),
	CONSTRAINT "dancer_heats_role" CHECK (role in ('leader', 'follower'))
);
--> statement-breakpoint
CREATE TABLE "event_matching_settings" (
	"event_id" integer PRIMARY KEY NOT NULL,
	"registration_deadline" timestamp with time zone,
	"heat_minutes" integer NOT NULL,
	"buffer_before_minutes" integer NOT NULL,
	"buffer_after_minutes" integer NOT NULL,
	"number_window" integer NOT NULL,
	"max_recordings_per_recorder" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_matching_settings_ranges" CHECK ("event_matching_settings"."heat_minutes" > 0 and "event_matching_settings"."buffer_before_minutes" >= 0 and "event_matching_settings"."buffer_after_minutes" >= 0 and "event_matching_settings"."number_window" >= 0 and "event_matching_settings"."max_recordings_per_recorder" > 0)
);
--> statement-breakpoint
CREATE TABLE "heat_divisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "heat_divisions_event_name_key" UNIQUE("event_id","name")
);
--> statement-breakpoint
CREATE TABLE "heat_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "heat_rounds_event_name_key" UNIQUE("event_id","name")
);
--> statement-breakpoint
CREATE TABLE "heat_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "heat_types_event_name_key" UNIQUE("event_id","name")
);
--> statement-breakpoint
CREATE TABLE "heats" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"division_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone,
	CONSTRAINT "heats_event_slot_key" UNIQUE("event_id","division_id","type_id","round_id","number"),
	CONSTRAINT "heats_number" CHECK ("heats"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"trigger" varchar(10) NOT NULL,
	"started_by" integer,
	"algorithm" varchar(20) NOT NULL,
	"inputs" jsonb NOT NULL,
	"covered" integer NOT NULL,
	"upper_bound" integer NOT NULL,
	"created" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"fairness_spread" double precision NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_runs_trigger" CHECK (trigger in ('manual', 'deadline'))
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"heat_id" integer NOT NULL,
	"dancer_id" integer NOT NULL,
	"recorder_id" integer NOT NULL,
	"status" varchar(10) DEFAULT 'suggested' NOT NULL,
	"dancer_answer" varchar(10),
	"recorder_answer" varchar(10),
	"explanation" text NOT NULL,
	"match_id" integer,
	"run_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recordings_not_self" CHECK ("recordings"."dancer_id" <> "recordings"."recorder_id"),
	CONSTRAINT "recordings_status" CHECK (status in ('suggested', 'accepted', 'declined')),
	CONSTRAINT "recordings_answers" CHECK (coalesce(dancer_answer, 'accepted') in ('accepted', 'declined') and coalesce(recorder_answer, 'accepted') in ('accepted', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "dancer_entries" ADD CONSTRAINT "dancer_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dancer_entries" ADD CONSTRAINT "dancer_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dancer_heats" ADD CONSTRAINT "dancer_heats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dancer_heats" ADD CONSTRAINT "dancer_heats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dancer_heats" ADD CONSTRAINT "dancer_heats_heat_id_heats_id_fk" FOREIGN KEY ("heat_id") REFERENCES "public"."heats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_matching_settings" ADD CONSTRAINT "event_matching_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_divisions" ADD CONSTRAINT "heat_divisions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_rounds" ADD CONSTRAINT "heat_rounds_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_types" ADD CONSTRAINT "heat_types_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heats" ADD CONSTRAINT "heats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heats" ADD CONSTRAINT "heats_division_id_heat_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."heat_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heats" ADD CONSTRAINT "heats_type_id_heat_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."heat_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heats" ADD CONSTRAINT "heats_round_id_heat_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."heat_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_heat_id_heats_id_fk" FOREIGN KEY ("heat_id") REFERENCES "public"."heats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_dancer_id_users_id_fk" FOREIGN KEY ("dancer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_recorder_id_users_id_fk" FOREIGN KEY ("recorder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_run_id_matching_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."matching_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_dancer_entries_user_id" ON "dancer_entries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_dancer_heats_heat_id" ON "dancer_heats" USING btree ("heat_id");--> statement-breakpoint
CREATE INDEX "idx_dancer_heats_event_id" ON "dancer_heats" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "idx_matching_runs_event_id" ON "matching_runs" USING btree ("event_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_open_key" ON "recordings" USING btree ("heat_id","dancer_id") WHERE status <> 'declined';--> statement-breakpoint
CREATE INDEX "idx_recordings_event_id" ON "recordings" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "idx_recordings_dancer_id" ON "recordings" USING btree ("dancer_id");--> statement-breakpoint
CREATE INDEX "idx_recordings_recorder_id" ON "recordings" USING btree ("recorder_id");