ALTER TABLE "stats_products" ADD COLUMN "active_from" text;--> statement-breakpoint
ALTER TABLE "stats_products" ADD COLUMN "active_to" text;