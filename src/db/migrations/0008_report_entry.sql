CREATE TABLE "report_cell_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"item" text NOT NULL,
	"old_value" double precision,
	"new_value" double precision,
	"comment" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_lock_exceptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"form_code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"period" text NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"granted_by" integer,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_cells" ADD COLUMN "accepted_value" double precision;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "accepted_revision" integer;--> statement-breakpoint
ALTER TABLE "report_cell_history" ADD CONSTRAINT "report_cell_history_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cell_history" ADD CONSTRAINT "report_cell_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_form_code_report_forms_code_fk" FOREIGN KEY ("form_code") REFERENCES "public"."report_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_cell_history_report_idx" ON "report_cell_history" USING btree ("report_id","item");--> statement-breakpoint
CREATE INDEX "report_cell_history_actor_idx" ON "report_cell_history" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "report_lock_exceptions_key_idx" ON "report_lock_exceptions" USING btree ("form_code","enterprise_id","period");--> statement-breakpoint
CREATE INDEX "report_lock_exceptions_enterprise_idx" ON "report_lock_exceptions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "report_lock_exceptions_granted_by_idx" ON "report_lock_exceptions" USING btree ("granted_by");