// Live queries of the forms feature (filled in by the feature's pages).
export {};
