CREATE TABLE "holiday_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"notice_number" text,
	"notice_date" date,
	"entries" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "holiday_years" ADD CONSTRAINT "holiday_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holiday_years_updated_by_idx" ON "holiday_years" USING btree ("updated_by");