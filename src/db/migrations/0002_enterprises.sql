CREATE TABLE "enterprise_change_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"proposed_by" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_figures" (
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"avg_insured_employees" numeric NOT NULL,
	"revenue_vnd" bigint,
	"capital_vnd" bigint NOT NULL,
	"export_usd" bigint,
	"size_class" text NOT NULL,
	"sector_group" text NOT NULL,
	"rule_version" text NOT NULL,
	"reason" jsonb NOT NULL,
	CONSTRAINT "enterprise_figures_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"tax_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_intl" text,
	"short_name" text,
	"legal_form" text NOT NULL,
	"ownership" text NOT NULL,
	"vsic_main" text NOT NULL,
	"vsic_other" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"unit_code" text,
	"former_district" text,
	"zone_id" integer,
	"established_on" date,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"status_since" date,
	"legal_rep" text,
	"phone" text,
	"email" text,
	"website" text,
	"size_class" text,
	"size_class_year" integer,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(coalesce(name_vi, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_intl, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" "bytea" NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"counts" jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "industrial_zones" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"former_district" text,
	"area_ha" numeric(10, 4),
	"operator" text,
	"status" text,
	"source" text
);
--> statement-breakpoint
ALTER TABLE "enterprise_change_requests" ADD CONSTRAINT "enterprise_change_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_change_requests" ADD CONSTRAINT "enterprise_change_requests_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_change_requests" ADD CONSTRAINT "enterprise_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_figures" ADD CONSTRAINT "enterprise_figures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_zone_id_industrial_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."industrial_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_enterprise_idx" ON "enterprise_change_requests" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_status_idx" ON "enterprise_change_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_proposed_by_idx" ON "enterprise_change_requests" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_decided_by_idx" ON "enterprise_change_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_tax_code_uq" ON "enterprises" USING btree ("tax_code");--> statement-breakpoint
CREATE INDEX "enterprises_tax_code_prefix_idx" ON "enterprises" USING btree ("tax_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_search_trgm_idx" ON "enterprises" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_vsic_idx" ON "enterprises" USING btree ("vsic_main");--> statement-breakpoint
CREATE INDEX "enterprises_unit_idx" ON "enterprises" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "enterprises_former_district_idx" ON "enterprises" USING btree ("former_district");--> statement-breakpoint
CREATE INDEX "enterprises_zone_idx" ON "enterprises" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "enterprises_filters_idx" ON "enterprises" USING btree ("status","ownership","size_class");--> statement-breakpoint
CREATE INDEX "import_runs_actor_idx" ON "import_runs" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "import_runs_kind_idx" ON "import_runs" USING btree ("kind","started_at");