-- A reading's receipt is a code (four hex digits, a dash, four more: formatReceipt), looked up whole by an operator
-- (readings_receipt). Under the database's default collation every comparison of it went through the C library's
-- locale rules, which a code has no use for: building the index over a 1,000,000-account region's 13 million
-- readings took 30.5 s; compared byte by byte ("C"), 9.4 s. Equality is the same under both, so the lookups find
-- what they found before. The column's indexes are rebuilt; the table is not rewritten.
alter table readings alter column receipt type text collate "C";
