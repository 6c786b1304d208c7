CREATE TABLE "iip_results" (
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"comparison" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"index" double precision,
	"contrib_parent_pp" double precision,
	"contrib_total_pp" double precision,
	"n_used" integer,
	"n_basket" integer,
	"weight_coverage" double precision,
	"imputed_share" double precision,
	"q_cur" double precision,
	"q_cmp" double precision,
	"tet_days_cur" integer NOT NULL,
	"tet_days_cmp" integer,
	CONSTRAINT "iip_results_period_scope_comparison_level_code_pk" PRIMARY KEY("period","scope","comparison","level","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_period" text NOT NULL,
	"to_period" text NOT NULL,
	"reason" text NOT NULL,
	"data_as_of" timestamp with time zone,
	"duration_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cells" (
	"report_id" integer NOT NULL,
	"item" text NOT NULL,
	"value" double precision NOT NULL,
	"comment" text,
	CONSTRAINT "report_cells_report_id_item_pk" PRIMARY KEY("report_id","item")
);
--> statement-breakpoint
CREATE TABLE "report_forms" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"deadline_day" integer NOT NULL,
	"expiry_days" integer NOT NULL,
	"remind_before_days" integer DEFAULT 3 NOT NULL,
	"remind_after_days" integer DEFAULT 2 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_frame" (
	"form_code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"active_from" text NOT NULL,
	"active_to" text,
	CONSTRAINT "report_frame_form_code_enterprise_id_pk" PRIMARY KEY("form_code","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"form_code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"return_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_deflators" (
	"period" text NOT NULL,
	"indicator" text NOT NULL,
	"price_index" double precision NOT NULL,
	CONSTRAINT "stats_deflators_period_indicator_pk" PRIMARY KEY("period","indicator")
);
--> statement-breakpoint
CREATE TABLE "stats_products" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"vsic4" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_tet_windows" (
	"year" integer PRIMARY KEY NOT NULL,
	"start" date NOT NULL,
	"end" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_weights" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"valid_from" text NOT NULL,
	"scope" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"weight" double precision NOT NULL,
	"base_annual_qty" double precision
);
--> statement-breakpoint
CREATE TABLE "value_results" (
	"period" text NOT NULL,
	"scope" text NOT NULL,
	"indicator" text NOT NULL,
	"grp" text NOT NULL,
	"comparison" text NOT NULL,
	"value_cur" double precision,
	"value_cmp" double precision,
	"index" double precision,
	"real_index" double precision,
	"imputed_share" double precision,
	"tet_days_cur" integer NOT NULL,
	"tet_days_cmp" integer,
	CONSTRAINT "value_results_period_scope_indicator_grp_comparison_pk" PRIMARY KEY("period","scope","indicator","grp","comparison")
);
--> statement-breakpoint
ALTER TABLE "report_cells" ADD CONSTRAINT "report_cells_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_frame" ADD CONSTRAINT "report_frame_form_code_report_forms_code_fk" FOREIGN KEY ("form_code") REFERENCES "public"."report_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_frame" ADD CONSTRAINT "report_frame_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_form_code_report_forms_code_fk" FOREIGN KEY ("form_code") REFERENCES "public"."report_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_frame_enterprise_idx" ON "report_frame" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_form_enterprise_period_uq" ON "reports" USING btree ("form_code","enterprise_id","period");--> statement-breakpoint
CREATE INDEX "reports_period_status_idx" ON "reports" USING btree ("form_code","period","status");--> statement-breakpoint
CREATE INDEX "reports_enterprise_idx" ON "reports" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "reports_decided_by_idx" ON "reports" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "stats_weights_uq" ON "stats_weights" USING btree ("version","scope","level","code");