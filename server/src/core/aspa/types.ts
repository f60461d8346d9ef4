import type { Asn } from '../net/asn';

/**
 * Customer → the union of its providers (draft-ietf-sidrops-aspa-verification §5: a customer's provider
 * set is the union of all its ASPAs). An AS0 ASPA ("no providers") is an empty set; AS0 is dropped when
 * other providers exist. A customer absent from the map has no ASPA at all (No Attestation).
 */
export type AspaDb = ReadonlyMap<Asn, ReadonlySet<Asn>>;

export type Direction = 'upstream' | 'downstream';
export type Verdict = 'valid' | 'invalid' | 'unknown';
export type HopResult = 'provider+' | 'not-provider+' | 'no-attestation';
