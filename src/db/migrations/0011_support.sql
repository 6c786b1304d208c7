CREATE TABLE "agency_category_deadlines" (
	"agency_id" integer NOT NULL,
	"category_code" text NOT NULL,
	"working_days" integer NOT NULL,
	CONSTRAINT "agency_category_deadlines_agency_id_category_code_pk" PRIMARY KEY("agency_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "dialogue_commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"conference_id" integer NOT NULL,
	"content" text NOT NULL,
	"owner_agency_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"progress_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_conference_agencies" (
	"conference_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "dialogue_conference_agencies_conference_id_agency_id_pk" PRIMARY KEY("conference_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_conference_enterprises" (
	"conference_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	CONSTRAINT "dialogue_conference_enterprises_conference_id_enterprise_id_pk" PRIMARY KEY("conference_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_conferences" (
	"id" serial PRIMARY KEY NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"chair" text NOT NULL,
	"location" text,
	"summary" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pci_action_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_ref" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pci_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"subindex_code" text NOT NULL,
	"content" text NOT NULL,
	"owner_agency_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'NOT_STARTED' NOT NULL,
	"progress_pct" integer DEFAULT 0 NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pci_actions_progress_ck" CHECK ("pci_actions"."progress_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "pci_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"composite" numeric(5, 2),
	"rank" integer,
	"n_provinces" integer,
	"methodology_version" text NOT NULL,
	"source" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pci_subindex_scores" (
	"result_id" integer NOT NULL,
	"subindex_code" text NOT NULL,
	"score" numeric(4, 2),
	"rank" integer,
	CONSTRAINT "pci_subindex_scores_result_id_subindex_code_pk" PRIMARY KEY("result_id","subindex_code")
);
--> statement-breakpoint
CREATE TABLE "petition_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	"deadline_working_days" integer DEFAULT 15 NOT NULL,
	"default_agency_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_categories_days_ck" CHECK ("petition_categories"."deadline_working_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "petition_category_pci" (
	"category_code" text NOT NULL,
	"subindex_code" text NOT NULL,
	CONSTRAINT "petition_category_pci_category_code_subindex_code_pk" PRIMARY KEY("category_code","subindex_code")
);
--> statement-breakpoint
CREATE TABLE "support_agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"module_code" text,
	"admin_unit_code" text,
	"contact_name" text,
	"phone" text,
	"email" text,
	"address" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_category_deadlines" ADD CONSTRAINT "agency_category_deadlines_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_category_deadlines" ADD CONSTRAINT "agency_category_deadlines_category_code_petition_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."petition_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_commitments" ADD CONSTRAINT "dialogue_commitments_conference_id_dialogue_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."dialogue_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_commitments" ADD CONSTRAINT "dialogue_commitments_owner_agency_id_support_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_conference_agencies" ADD CONSTRAINT "dialogue_conference_agencies_conference_id_dialogue_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."dialogue_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_conference_agencies" ADD CONSTRAINT "dialogue_conference_agencies_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_conference_enterprises" ADD CONSTRAINT "dialogue_conference_enterprises_conference_id_dialogue_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."dialogue_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_conference_enterprises" ADD CONSTRAINT "dialogue_conference_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_conferences" ADD CONSTRAINT "dialogue_conferences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pci_action_plans" ADD CONSTRAINT "pci_action_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pci_actions" ADD CONSTRAINT "pci_actions_plan_id_pci_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pci_action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pci_actions" ADD CONSTRAINT "pci_actions_owner_agency_id_support_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pci_results" ADD CONSTRAINT "pci_results_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pci_subindex_scores" ADD CONSTRAINT "pci_subindex_scores_result_id_pci_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."pci_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_categories" ADD CONSTRAINT "petition_categories_default_agency_id_support_agencies_id_fk" FOREIGN KEY ("default_agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_category_pci" ADD CONSTRAINT "petition_category_pci_category_code_petition_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."petition_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_category_deadlines_category_idx" ON "agency_category_deadlines" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_conference_idx" ON "dialogue_commitments" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_owner_idx" ON "dialogue_commitments" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE INDEX "dialogue_conference_agencies_agency_idx" ON "dialogue_conference_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "dialogue_conference_enterprises_enterprise_idx" ON "dialogue_conference_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "dialogue_conferences_held_on_idx" ON "dialogue_conferences" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "dialogue_conferences_created_by_idx" ON "dialogue_conferences" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "pci_action_plans_year_idx" ON "pci_action_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "pci_action_plans_created_by_idx" ON "pci_action_plans" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "pci_actions_plan_idx" ON "pci_actions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "pci_actions_owner_idx" ON "pci_actions" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pci_results_province_year_uq" ON "pci_results" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "pci_results_updated_by_idx" ON "pci_results" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "petition_categories_agency_idx" ON "petition_categories" USING btree ("default_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_agencies_code_uq" ON "support_agencies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "support_agencies_kind_idx" ON "support_agencies" USING btree ("kind");--> statement-breakpoint
INSERT INTO "petition_categories" ("code", "name_vi", "name_en", "sort_order", "deadline_working_days") VALUES
  ('ADMIN_PROCEDURES', 'Thủ tục hành chính', 'Administrative procedures', 1, 15),
  ('LAND_PREMISES', 'Đất đai, mặt bằng sản xuất kinh doanh', 'Land and premises', 2, 15),
  ('TAX', 'Thuế, phí, lệ phí', 'Tax', 3, 15),
  ('ELECTRICITY', 'Cung cấp điện', 'Electricity', 4, 15),
  ('MARKET_TRADE', 'Thị trường, thương mại', 'Market and trade', 5, 15),
  ('FINANCE_CREDIT', 'Tài chính, tín dụng', 'Finance and credit', 6, 15),
  ('WORKFORCE', 'Lao động, việc làm', 'Workforce', 7, 15),
  ('OTHER', 'Khác', 'Other', 8, 15);--> statement-breakpoint
INSERT INTO "petition_category_pci" ("category_code", "subindex_code") VALUES
  ('ADMIN_PROCEDURES', 'ENTRY_COSTS'), ('ADMIN_PROCEDURES', 'TRANSPARENCY'), ('ADMIN_PROCEDURES', 'TIME_COSTS'), ('ADMIN_PROCEDURES', 'INFORMAL_CHARGES'),
  ('LAND_PREMISES', 'LAND_ACCESS'), ('LAND_PREMISES', 'TRANSPARENCY'),
  ('TAX', 'TIME_COSTS'), ('TAX', 'INFORMAL_CHARGES'), ('TAX', 'EQUAL_COMPETITION'),
  ('ELECTRICITY', 'TIME_COSTS'), ('ELECTRICITY', 'INFORMAL_CHARGES'),
  ('MARKET_TRADE', 'EQUAL_COMPETITION'), ('MARKET_TRADE', 'BUSINESS_SUPPORT'),
  ('FINANCE_CREDIT', 'EQUAL_COMPETITION'), ('FINANCE_CREDIT', 'BUSINESS_SUPPORT'),
  ('WORKFORCE', 'LABOUR_TRAINING'),
  ('OTHER', 'PROACTIVITY'), ('OTHER', 'LEGAL_INSTITUTIONS');
