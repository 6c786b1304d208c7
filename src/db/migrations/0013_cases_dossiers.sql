CREATE TABLE "case_attachment_blobs" (
	"attachment_id" bigint PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"label" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"transition" text,
	"from_state" text,
	"to_state" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"unit_code" text,
	"reason" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_pauses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text,
	"data" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"unit_code" text NOT NULL,
	"assignee_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"limit_value" numeric,
	"limit_unit" text,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"unit_code" text,
	"assignee_id" integer,
	"owner_user_id" integer,
	"enterprise_id" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_value" numeric,
	"deadline_unit" text,
	"clock_started_at" timestamp with time zone,
	"first_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"rescheduled_due_at" timestamp with time zone,
	"reschedule_count" smallint DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_total_ms" bigint DEFAULT 0 NOT NULL,
	"step_due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"case_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_code_counters" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_evaluations" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"evaluated_by" integer,
	"contacts_count" smallint NOT NULL,
	"agencies_contacted" text NOT NULL,
	"had_complaint" boolean NOT NULL,
	"satisfaction" text NOT NULL,
	"comment" text,
	"score_1" smallint,
	"score_2" smallint,
	"score_3" smallint,
	"score_4" smallint,
	"score_7" smallint
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"code" text,
	"agency_code" text NOT NULL,
	"procedure_id" integer NOT NULL,
	"procedure_version_id" integer,
	"channel" text NOT NULL,
	"enterprise_id" integer,
	"applicant_user_id" integer,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"applicant_address" text NOT NULL,
	"applicant_phone" text,
	"applicant_email" text,
	"request_summary" text NOT NULL,
	"components" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by" integer,
	"intake_refused_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"result" text,
	"returned_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"timeliness_legal" text,
	"timeliness_portal" text,
	"supplement_count" smallint DEFAULT 0 NOT NULL,
	"fee_vnd" bigint DEFAULT 0 NOT NULL,
	"payment_requested_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"paid_online" boolean DEFAULT false NOT NULL,
	"has_e_result" boolean DEFAULT false NOT NULL,
	"apology_at" timestamp with time zone,
	"apology_reason" text
);
--> statement-breakpoint
ALTER TABLE "case_attachment_blobs" ADD CONSTRAINT "case_attachment_blobs_attachment_id_case_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_pauses" ADD CONSTRAINT "case_pauses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_evaluations" ADD CONSTRAINT "dossier_evaluations_case_id_dossiers_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dossiers"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_evaluations" ADD CONSTRAINT "dossier_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_attachments_uploaded_by_idx" ON "case_attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "case_comments_case_idx" ON "case_comments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_comments_author_idx" ON "case_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_pauses_case_idx" ON "case_pauses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_steps_case_idx" ON "case_steps" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_steps_assignee_idx" ON "case_steps" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "cases_type_state_idx" ON "cases" USING btree ("case_type","state");--> statement-breakpoint
CREATE INDEX "cases_open_unit_due_idx" ON "cases" USING btree ("case_type","unit_code","due_at") WHERE "cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "cases_open_assignee_due_idx" ON "cases" USING btree ("assignee_id","due_at") WHERE "cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "cases_enterprise_idx" ON "cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("case_type","opened_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_case_idx" ON "notifications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dossier_evaluations_by_idx" ON "dossier_evaluations" USING btree ("evaluated_by");--> statement-breakpoint
CREATE INDEX "dossier_evaluations_at_idx" ON "dossier_evaluations" USING btree ("evaluated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "dossiers_version_idx" ON "dossiers" USING btree ("procedure_version_id");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "dossiers_enterprise_idx" ON "dossiers" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "dossiers_finished_idx" ON "dossiers" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "dossiers_received_by_idx" ON "dossiers" USING btree ("received_by");