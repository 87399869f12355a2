// Live queries for the balances pages.
export {};
