/**
 * What a request costs the function on Forge in the bench's models: time to first dashboard
 * charges these on its virtual clock, and the scale comparison models the 5k and 50k syncs
 * with them.
 */
export const REST_MS = 100;
export const KVS_MS = 10;
