CREATE TABLE "dossier_stat_facts" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"agency_code" text NOT NULL,
	"procedure_id" integer NOT NULL,
	"channel" text NOT NULL,
	"unit_code" text,
	"assignee_id" integer,
	"outcome" text NOT NULL,
	"legal" text NOT NULL,
	"national" text NOT NULL,
	"supplement_count" smallint NOT NULL,
	"fee_vnd" bigint NOT NULL,
	"paid_online" boolean NOT NULL,
	"has_e_result" boolean NOT NULL,
	"digitised" boolean NOT NULL,
	"contacts_count" smallint,
	"agencies_contacted" text,
	"had_complaint" boolean,
	"satisfaction" text,
	"step_score" integer
);
--> statement-breakpoint
ALTER TABLE "dossier_stat_facts" ADD CONSTRAINT "dossier_stat_facts_case_id_dossiers_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dossiers"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_stat_facts_received_idx" ON "dossier_stat_facts" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "dossiers_live_received_idx" ON "dossiers" USING btree ("received_at") WHERE "dossiers"."timeliness_portal" is null or ("dossiers"."finished_at" is null and "dossiers"."stopped_at" is null);