-- The search vocabulary holds the lexemes of the names' full-text vectors (the keys of the
-- full-text index), no longer the space-separated pieces of the search text ("co.,ltd",
-- "(vietnam)"): a typed prefix is expanded to these words, which must match what the index holds.
DELETE FROM "search_words";--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT word FROM ts_stat('SELECT search_tsv FROM enterprises')
  ON CONFLICT DO NOTHING;
