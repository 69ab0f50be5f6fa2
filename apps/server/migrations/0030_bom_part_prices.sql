-- Unit prices of parts, as the ERP sends them: integer minor units (fen for CNY) with an ISO 4217
-- currency, both or neither (a part the ERP has not priced yet has none). Kept in the bom module
-- beside the rest of the part master; the partner API (ERP) is its source.
alter table bom.parts
  add column unit_price bigint check (unit_price >= 0),
  add column currency text check (currency ~ '^[A-Z]{3}$'),
  add constraint parts_price_with_currency check ((unit_price is null) = (currency is null));
