// The distinct holder names and streets that finding an account searches by similarity (migration 0023), kept by
// triggers on the accounts and premises.

export interface AccountHolderNamesTable {
  provider_id: number;
  holder_name: string;
}

export interface PremiseStreetsTable {
  settlement_id: number;
  street: string;
}
