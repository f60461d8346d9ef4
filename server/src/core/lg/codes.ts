import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const lgCodes = [
  {
    code: 'lg/unparsed-line',
    severity: 'information',
    summary: 'A line of looking-glass output that the parser did not understand.',
    description:
      'The line is neither a route, an attribute of a route, nor a header or legend of the detected format, so its content (if any) is missing from the panel. ' +
      'Check that the paste is one output only (not two commands run together) and was not re-wrapped by a mail client; if the output is real router output, report it with the platform and command so the format can be supported.',
    example: 'BGP table version is 5\n*> 10.0.0.0/8  192.0.2.1  0 0 65001 i\nthis line is noise',
  },
  {
    code: 'lg/invalid-asn',
    severity: 'warning',
    summary: 'An AS number in a path is malformed or out of the 32-bit range.',
    description:
      'AS numbers are 0–4294967295 (asplain) or `0.0`–`65535.65535` (asdot, RFC 5396). The token was left out of the parsed path, so the path shown is shorter than printed. ' +
      'Fix the paste if it was damaged (a digit run together with the next one), or check the router: a path with such a number is itself malformed.',
    example: '  6333 623566 42669611124 4266644366',
  },
  {
    code: 'lg/truncated-path',
    severity: 'information',
    summary: 'The AS path was cut short by the looking glass (`...`).',
    description:
      'BIRD and some web looking glasses print `...` when a path is too long. Only the part shown is analysed, so origin and leak checks may miss the real end of the path. ' +
      'Ask the looking glass for the full path (for BIRD: `show route all`) when the rest matters.',
    example: '\tBGP.as_path: 174 3356 1299 ...',
  },
  {
    code: 'lg/uncertain-path',
    severity: 'warning',
    summary: 'The row can be read more than one way, so its AS path may not be the one the router printed.',
    description:
      'A number that may be a weight or the first AS, a path that may go on on the next line (a terminal wrapped it), or values that do not sit under the columns of the header: the parser kept the route and the path it thinks likelier, but the path analysis gives it no ASPA, leak or valley verdict. ' +
      'Paste the output unwrapped (`terminal width 511`, `terminal length 0`) with its header line, or use the detail or JSON form of the command (`show ip bgp <prefix>`, `| json`, `| display json`).',
    example: '   Network          Next Hop            Metric LocPrf Weight Path\n*> 10.0.0.0/8       192.0.2.1           0 65001 i',
  },
  {
    code: 'lg/skipped-line',
    severity: 'hint',
    summary: 'A prompt, command echo, timestamp or log line around the output was set aside.',
    description:
      'Pastes from terminals, tickets and automation logs carry lines that are not router output (`router# show ip bgp`, `Wed Jun 20 18:46:11.356 BST`, `2024-01-01 12:00:00,123: %UNICON-INFO: …`). They are not parsed and not counted as errors; a prompt with a command also starts a new output, so a paste of two commands gives the routes of both.',
    example: 'router1# show ip bgp 10.0.0.0/8',
  },
  {
    code: 'lg/format-unknown',
    severity: 'information',
    summary: 'The paste is not in a looking-glass format the parser knows.',
    description:
      'No format scored on the first lines, so no route was read. Paste the raw output of one of the supported commands (Cisco `show ip bgp`, Junos `show route … detail`, BIRD `show route all`, FRR, OpenBGPD, GoBGP, bgpdump -m, …) or a list of AS paths, one per line.',
    example: 'hello world',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type LgCode = (typeof lgCodes)[number]['code'];
