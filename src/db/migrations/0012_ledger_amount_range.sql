-- Every ledger amount is one the app reads exactly. Kopiykas are JavaScript numbers, exact up to 2^53 − 1
-- (9 007 199 254 740 991 kop, about 90 trillion UAH); a larger entry would be stored and then fail every view of
-- its account. This is the widest amount the documents' columns are laid out to print in full
-- (test/documents/wide-amounts.test.ts); the channels set far lower limits of their own (a card payment, a bank
-- registry line).
alter table ledger_entries add constraint ledger_entries_amount_exact
  check (amount_kop between -9007199254740991 and 9007199254740991);
