-- A resident quotes the receipt to an operator, who finds the submission by it.
create index readings_receipt on readings (receipt);
