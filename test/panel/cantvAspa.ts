/**
 * ASPAs for the CANTV case as the networks would register them (Krill text, as in `.aspa` files): the
 * Tier-1s 1299 and 6762 with AS0, CANTV with its two transit providers, GlobeNet (52320) with its own
 * transits — CANTV is GlobeNet's customer, not its provider — and Dayco behind 269832.
 */
export const CANTV_ASPAS = `# customer => providers
AS21980 => AS269832
AS269832 => AS1299
AS1299 => AS0
AS6762 => AS0
AS8048 => AS6762, AS52320
AS52320 => AS1299, AS3356
`;
