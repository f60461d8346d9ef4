import type { Asn } from '../net/asn';

/**
 * Networks that buy transit from nobody (the "Tier-1" clique as CAIDA's AS Rank and the operators'
 * own statements list it). Only used by the what-if of path verification: for these ASes an AS0 ASPA
 * ("no providers") is the honest declaration, so their missing ASPA is named as the one that would have
 * turned an Unknown verdict into Invalid. A wrong entry here can only weaken a suggestion, never a verdict.
 */
export const TRANSIT_FREE_ASNS: ReadonlySet<Asn> = new Set(
  [
    174, // Cogent
    701, // Verizon
    1239, // Sprint
    1299, // Arelion (Telia)
    2828, // Verizon (XO)
    2914, // NTT
    3257, // GTT
    3320, // Deutsche Telekom
    3356, // Lumen (Level 3)
    3491, // PCCW
    5511, // Orange
    6453, // Tata
    6461, // Zayo
    6762, // Sparkle
    6830, // Liberty Global
    7018, // AT&T
    12956, // Telxius
  ].map((n) => n as Asn),
);
