// Live queries of the meetings feature (filled in by the feature's pages).
export {};
