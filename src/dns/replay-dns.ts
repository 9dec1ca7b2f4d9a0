import { startLoopbackDns } from './loopback-server.js';
import { createResolver, type DnsLookup } from './resolver.js';
import { Zone, type ZoneRecord } from './zone.js';

/** The DNS of a replay: a loopback server for the fixture's zone and a resolver asking it. */
export interface ReplayDns {
  dns: DnsLookup;
  close(): Promise<void>;
}

/**
 * Serves the recorded zone, refusing names outside it (see ZoneOptions.refuseOutside), and
 * marks those answers unrecorded: the REFUSED is the replay's own, so the message names the
 * recording as what lacks the name rather than the network. A REFUSED the recording holds
 * for a name inside its zones was a real server's answer and stays as it is.
 */
export async function startReplayDns(records: ZoneRecord[]): Promise<ReplayDns> {
  const zone = new Zone(records, { refuseOutside: true });
  const server = await startLoopbackDns(zone);
  const resolver = createResolver({ servers: [server.address], timeoutMs: 500, tries: 1 });

  const dns: DnsLookup = {
    async query(name, type) {
      const answer = await resolver.query(name, type);
      if (answer.status !== 'refused' || zone.serves(answer.name)) return answer;
      return { ...answer, unrecorded: true };
    },
  };
  return { dns, close: () => server.close() };
}
