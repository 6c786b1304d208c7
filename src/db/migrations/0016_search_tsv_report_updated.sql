DROP INDEX "enterprises_search_fts_idx";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(coalesce(name_vi, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_intl, '')))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "enterprises_search_tsv_idx" ON "enterprises" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");