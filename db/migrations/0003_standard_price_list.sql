-- The standard price list every account starts from (yearly list prices, USD cents).
INSERT INTO "products" ("sku", "name", "standard_price_cents", "currency", "sort_order") VALUES
  ('ssl-dv', 'Basic TLS/SSL (domain validated)', 21800, 'USD', 10),
  ('ssl-ov', 'Secure Site TLS/SSL (organization validated)', 39900, 'USD', 20),
  ('ssl-ev', 'Secure Site EV TLS/SSL (extended validation)', 59500, 'USD', 30),
  ('ssl-wildcard', 'Wildcard TLS/SSL', 68800, 'USD', 40),
  ('ssl-multi', 'Multi-Domain TLS/SSL', 44900, 'USD', 50),
  ('code-signing', 'Code Signing', 47400, 'USD', 60),
  ('smime', 'Secure Email (S/MIME)', 4900, 'USD', 70)
ON CONFLICT ("sku") DO NOTHING;
