CREATE TABLE "support_reminders" (
	"item_kind" text NOT NULL,
	"item_id" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_reminders_item_kind_item_id_day_pk" PRIMARY KEY("item_kind","item_id","day")
);
--> statement-breakpoint
CREATE TABLE "petition_co_agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"agency_id" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" integer,
	"removed_at" timestamp with time zone,
	"removed_by" integer
);
--> statement-breakpoint
CREATE TABLE "petition_contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"agency_id" integer NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "transferred_out_agency_id" integer;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "transferred_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "transfer_out_reason" text;--> statement-breakpoint
ALTER TABLE "petition_co_agencies" ADD CONSTRAINT "petition_co_agencies_case_id_petitions_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."petitions"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_co_agencies" ADD CONSTRAINT "petition_co_agencies_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_co_agencies" ADD CONSTRAINT "petition_co_agencies_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_co_agencies" ADD CONSTRAINT "petition_co_agencies_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_contributions" ADD CONSTRAINT "petition_contributions_case_id_petitions_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."petitions"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_contributions" ADD CONSTRAINT "petition_contributions_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_contributions" ADD CONSTRAINT "petition_contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_co_agencies_current_uq" ON "petition_co_agencies" USING btree ("case_id","agency_id") WHERE "petition_co_agencies"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "petition_co_agencies_case_idx" ON "petition_co_agencies" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "petition_co_agencies_agency_idx" ON "petition_co_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "petition_co_agencies_added_by_idx" ON "petition_co_agencies" USING btree ("added_by");--> statement-breakpoint
CREATE INDEX "petition_co_agencies_removed_by_idx" ON "petition_co_agencies" USING btree ("removed_by");--> statement-breakpoint
CREATE INDEX "petition_contributions_case_idx" ON "petition_contributions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "petition_contributions_agency_idx" ON "petition_contributions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "petition_contributions_author_idx" ON "petition_contributions" USING btree ("author_id");--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_transferred_out_agency_id_support_agencies_id_fk" FOREIGN KEY ("transferred_out_agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petitions_transferred_out_agency_idx" ON "petitions" USING btree ("transferred_out_agency_id");