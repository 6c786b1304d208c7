CREATE TABLE "compliance_income_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"vnd_per_hour" integer NOT NULL,
	"basis" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_review_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"review_id" integer NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"version_id" integer,
	"review_date" date,
	"status" text DEFAULT 'NOT_REVIEWED' NOT NULL,
	"before_model" jsonb,
	"plan_kind" text,
	"after_model" jsonb,
	"plan_note" text,
	"status_note" text,
	"abolishing_decision" text,
	"status_changed_by" integer,
	"status_changed_at" timestamp with time zone,
	"model_updated_by" integer,
	"model_updated_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_income_rates" ADD CONSTRAINT "compliance_income_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_income_rates" ADD CONSTRAINT "compliance_income_rates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_review_events" ADD CONSTRAINT "compliance_review_events_review_id_compliance_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."compliance_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_review_events" ADD CONSTRAINT "compliance_review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_model_updated_by_users_id_fk" FOREIGN KEY ("model_updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_income_rates_from_uq" ON "compliance_income_rates" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "compliance_income_rates_created_by_idx" ON "compliance_income_rates" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "compliance_income_rates_updated_by_idx" ON "compliance_income_rates" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "compliance_review_events_review_idx" ON "compliance_review_events" USING btree ("review_id","at");--> statement-breakpoint
CREATE INDEX "compliance_review_events_actor_idx" ON "compliance_review_events" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_reviews_procedure_uq" ON "compliance_reviews" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "compliance_reviews_version_idx" ON "compliance_reviews" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "compliance_reviews_status_idx" ON "compliance_reviews" USING btree ("status");--> statement-breakpoint
CREATE INDEX "compliance_reviews_status_changed_by_idx" ON "compliance_reviews" USING btree ("status_changed_by");--> statement-breakpoint
CREATE INDEX "compliance_reviews_model_updated_by_idx" ON "compliance_reviews" USING btree ("model_updated_by");