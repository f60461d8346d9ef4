/**
 * What each daemon's MRT files must hold, derived from routes.ts by BGP's rules (as the views are): who sent each
 * route (the MRT peer), its path as that daemon holds or received it, and OTC where the daemon keeps it.
 */
import type { MrtDumpKind } from './daemon';
import { GOBGP, INJECTED, RECEIVERS, prepend, receivedByGobgp, receivedFromGobgp, type DaemonName, type Receiver, type Route } from './routes';

export interface MrtTruthRoute extends Route {
  /** The MRT peer: the neighbour the route came from (0.0.0.0 for the daemon's own networks in a RIB dump). */
  readonly peer: { readonly address: string; readonly asn: number };
}

const FROM_GOBGP = { address: GOBGP.address, asn: GOBGP.asn };

/** What gobgpd sends a receiver: its AS prepended and no OTC (gobgpd announces no RFC 9234 role). */
const sentByGobgp = (r: Route): MrtTruthRoute => ({ ...r, asPath: prepend(GOBGP.asn, r.asPath), peer: FROM_GOBGP });

/** The routes gobgpd learns from a receiver, as it sent them. */
const sentToGobgp = (from: Receiver): MrtTruthRoute[] => {
  const own = RECEIVERS[from].originates;
  return own ? [{ ...receivedByGobgp(from, own), peer: { address: RECEIVERS[from].address, asn: RECEIVERS[from].asn } }] : [];
};

function ribOf(daemon: DaemonName): MrtTruthRoute[] {
  switch (daemon) {
    case 'frr': {
      const own = RECEIVERS.frr.originates!;
      return [
        // RFC 9234 §5 ingress OTC is stored with the route and dumped with it; extended communities are not
        // (FRR 8.4's bgp_dump_routes_attr writes none, so the route target of 198.18.2.0/24 is not in the file).
        ...INJECTED.map((r) => ({ ...receivedFromGobgp('frr', r), extCommunities: [], peer: FROM_GOBGP })),
        // Its own `network`: no path, next hop 0.0.0.0, no communities (those are set on the way out), peer 0.0.0.0 AS 0.
        { ...own, nextHop: '0.0.0.0', communities: [], largeCommunities: [], extCommunities: [], peer: { address: '0.0.0.0', asn: 0 } },
      ];
    }
    case 'bird':
      return INJECTED.map((r) => ({ ...receivedFromGobgp('bird', r), peer: FROM_GOBGP }));
    case 'openbgpd': {
      const own = RECEIVERS.openbgpd.originates!;
      return [
        // OpenBGPD 7.7 applies the role (it would not send these on to a provider) but writes no OTC attribute into
        // its MRT dumps, as bgpctl prints none.
        ...INJECTED.map((r) => {
          const { otc: _applied, ...dumped } = receivedFromGobgp('openbgpd', r);
          return { ...dumped, peer: FROM_GOBGP };
        }),
        // Its own network, with the community and next hop its `network … set` gives it; peer 0.0.0.0 with its AS.
        { ...own, peer: { address: '0.0.0.0', asn: RECEIVERS.openbgpd.asn } },
      ];
    }
    case 'gobgp':
      // Its global RIB: its own routes (no AS of its own prepended) and what FRR and OpenBGPD sent it.
      return [...INJECTED.map((r) => ({ ...r, peer: { address: '0.0.0.0', asn: 0 } })), ...sentToGobgp('frr'), ...sentToGobgp('openbgpd')];
  }
}

function updatesOf(daemon: DaemonName): MrtTruthRoute[] {
  // A receiver's message dump holds what gobgpd sent (the unicast routes: VPN ones are another family).
  if (daemon !== 'gobgp') return INJECTED.map(sentByGobgp);
  return [...sentToGobgp('frr'), ...sentToGobgp('openbgpd')];
}

/**
 * The peer fields of a message dump's state changes. RFC 6396 §4.4.1 puts the peer there, as FRR and BIRD do;
 * OpenBGPD 7.7 writes its own side (address and AS) in them, while its messages name the peer as they should.
 */
export function stateChangePeer(daemon: DaemonName): string {
  return daemon === 'openbgpd' ? RECEIVERS.openbgpd.address : GOBGP.address;
}

/** Every route the file must hold (each prefix once per peer), and nothing else. */
export function mrtTruth(daemon: DaemonName, kind: MrtDumpKind): MrtTruthRoute[] {
  return kind === 'rib' ? ribOf(daemon) : updatesOf(daemon);
}
