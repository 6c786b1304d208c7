CREATE TABLE "petitions" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"category_code" text NOT NULL,
	"channel" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"conference_id" integer,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"agency_id" integer,
	"draft_reply" text,
	"drafted_by" integer,
	"drafted_at" timestamp with time zone,
	"reply" text,
	"approved_by" integer,
	"answered_at" timestamp with time zone,
	"answered_on_time" text,
	"public_question" text,
	"public_answer" text,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"satisfaction" text,
	"satisfaction_reason" text,
	"rated_at" timestamp with time zone,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_category_code_petition_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."petition_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_conference_id_dialogue_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."dialogue_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petitions_enterprise_idx" ON "petitions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "petitions_category_idx" ON "petitions" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "petitions_agency_idx" ON "petitions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "petitions_conference_idx" ON "petitions" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "petitions_published_idx" ON "petitions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "petitions_drafted_by_idx" ON "petitions" USING btree ("drafted_by");--> statement-breakpoint
CREATE INDEX "petitions_approved_by_idx" ON "petitions" USING btree ("approved_by");--> statement-breakpoint
CREATE INDEX "petitions_published_by_idx" ON "petitions" USING btree ("published_by");--> statement-breakpoint
CREATE INDEX "petitions_created_by_idx" ON "petitions" USING btree ("created_by");