CREATE TABLE "procedure_fields" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	"change_kind" text NOT NULL,
	"effective_from" date NOT NULL,
	"name" text NOT NULL,
	"implementation_level" text NOT NULL,
	"agencies" jsonb NOT NULL,
	"subjects" text[] NOT NULL,
	"sequence" text,
	"methods" jsonb NOT NULL,
	"dossier_components" jsonb NOT NULL,
	"dossier_sets" integer DEFAULT 1 NOT NULL,
	"processing_time_value" numeric NOT NULL,
	"processing_time_unit" text NOT NULL,
	"fees" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"requirements" text,
	"legal_basis" jsonb NOT NULL,
	"online_service_level" text NOT NULL,
	"eligible_full_online" boolean DEFAULT false NOT NULL,
	"received_at_one_stop" boolean DEFAULT true NOT NULL,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(name)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"field_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"issuer" text NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_field_code_procedure_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."procedure_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_uq" ON "procedure_versions" USING btree ("procedure_id","effective_from");--> statement-breakpoint
CREATE INDEX "procedure_versions_decision_idx" ON "procedure_versions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "procedure_versions_search_idx" ON "procedure_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field_code");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_decisions_number_uq" ON "publication_decisions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "publication_decisions_created_by_idx" ON "publication_decisions" USING btree ("created_by");