import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageOfContent, languageOfFile } from '../languages/detect';
import { frameRpsl } from './frame';
import { validateRpslText } from './validate';
import { firstContentLine, isWhoisClientLine, looksLikeRpsl, WHOIS_CLIENT_LINES } from './whoisText';

// Heads and objects of real answers (test/rpsl/real: ripe__whoisabuse-46-161-62-128.txt, apnic__…-1-52-32-0.txt,
// lacnic__whoisabuse-138-36-24-0.txt), shortened.
const RIPE_ANSWER = [
  '[Querying whois.arin.net]',
  '[Redirected to whois.ripe.net]',
  '[Querying whois.ripe.net]',
  '[whois.ripe.net]',
  '% This is the RIPE Database query service.',
  '% The objects are in RPSL format.',
  '',
  'route:          46.161.62.0/24',
  'descr:          QUALITYNETWORK',
  'origin:         AS50896',
  'mnt-by:         QNSC',
  'source:         RIPE',
  '',
  '% This query was served by the RIPE Database Query Service version 1.90 (HEREFORD)',
  '',
].join('\r\n');

const APNIC_IRT = `irt:            IRT-VNNIC-AP
address:        Ha Noi, VietNam
e-mail:         hm-changed@vnnic.vn
abuse-mailbox:  hm-changed@vnnic.vn
admin-c:        NTTT1-AP
tech-c:         NTTT1-AP
auth:           # Filtered
mnt-by:         MAINT-VN-VNNIC
source:         APNIC
`;

test('every whois client line of the table is recognised by its own example, and RPSL lines are not', () => {
  for (const l of WHOIS_CLIENT_LINES) assert.ok(isWhoisClientLine(l.example), l.example);
  for (const line of ['route: 192.0.2.0/24', 'Warning:', 'warning: x', '[not a host name]', '% remark', '  continuation', 'Found a referral'])
    assert.equal(isWhoisClientLine(line), false, line);
});

test("a whois client's lines are no framing errors; the objects are framed as without them", () => {
  const r = frameRpsl(RIPE_ANSWER);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(
    r.objects.map((o) => [o.className, o.attributes.length]),
    [['route', 5]],
  );
  const warned = frameRpsl(`Warning: RIPE flags used with a traditional server.\n\n${APNIC_IRT}`);
  assert.deepEqual(warned.diagnostics, []);
  assert.deepEqual(
    warned.objects.map((o) => o.className),
    ['irt'],
  );
  // Inside an object "Warning:" is just an unknown attribute: only the client prints it, before objects.
  assert.deepEqual(
    frameRpsl('route: 192.0.2.0/24\nWarning: x\n').objects[0]!.attributes.map((a) => a.name),
    ['route', 'warning'],
  );
});

test('a line of only carriage returns ("\\r\\r\\n", a CRLF answer saved again on Windows) is an empty line', () => {
  const text = '% Joint Whois - whois.lacnic.net\r\r\n\r\r\ninetnum:     138.36.24/22\r\r\nstatus:      allocated\r\r\n\r\r\nnic-hdl:     MAP193\r\r\nperson:      Marcial Pichardo\r\r\n';
  const r = frameRpsl(text);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(
    r.objects.map((o) => [o.className, o.attributes.map((a) => a.value)]),
    [
      ['inetnum', ['138.36.24/22', 'allocated']],
      ['nic-hdl', ['MAP193', 'Marcial Pichardo']],
    ],
  );
});

test('"# Filtered" marks the object filtered: its hidden value is not "empty", a missing mandatory attribute is information', () => {
  const irt = frameRpsl(APNIC_IRT).objects[0]!;
  assert.deepEqual(
    [...(irt.filtered ?? [])].map((a) => a.name),
    ['auth'],
  );
  assert.equal(frameRpsl('route: 192.0.2.0/24 # a comment\norigin: AS1\n').objects[0]!.filtered, undefined);
  const ds = validateRpslText(APNIC_IRT, 'ripe');
  assert.deepEqual(
    ds.filter((d) => d.code === 'rpsl/empty-value'),
    [],
  );
  // What is left of a value the server cut (the hash of MD5-PW) is not checked either (ripe__likhner-as215778).
  const mntner = 'mntner:          LIKHNER-MNT\nauth:            MD5-PW# Filtered\nadmin-c:         AL19897-RIPE\nupd-to:          noc@likhner.com\nmnt-by:          LIKHNER-MNT\nsource:          RIPE# Filtered\n';
  assert.deepEqual(
    validateRpslText(mntner, 'ripe').filter((d) => d.severity === 'error'),
    [],
  );
  // A RIPE role as the filtered answer shows it: no e-mail:, source: RIPE # Filtered (ripe__ipwhois-62-239-237-1).
  const person =
    'role:           BT Corporate Registry\naddress:        81 Newgate Street\nadmin-c:        BCER1-RIPE\ntech-c:         BCER1-RIPE\nnic-hdl:        BTCR1-RIPE\nabuse-mailbox:  protect@bt.com\nmnt-by:         BTENT-MNT\nsource:         RIPE # Filtered\n';
  const missing = validateRpslText(person, 'ripe').filter((d) => d.code === 'rpsl/missing-mandatory');
  assert.ok(missing.length > 0 && missing.every((d) => d.severity === 'information' && /filtered/.test(d.message)), JSON.stringify(missing));
  // Unfiltered: RIPE's whois still leaves e-mail: out of answers that hold an abuse-mailbox: (RIPE-NCC/whois
  // AttributeType.E_MAIL), so its absence is information; another missing mandatory attribute is an error.
  const unfiltered = validateRpslText(person.replace(' # Filtered', ''), 'ripe').filter((d) => d.code === 'rpsl/missing-mandatory');
  assert.ok(unfiltered.length > 0 && unfiltered.every((d) => d.severity === 'information' && /out of query answers/.test(d.message)), JSON.stringify(unfiltered));
  const noAddress = validateRpslText(person.replace(' # Filtered', '').replace('address:        81 Newgate Street\n', ''), 'ripe').filter((d) => d.code === 'rpsl/missing-mandatory');
  assert.ok(noAddress.some((d) => d.severity === 'error' && /address:/.test(d.message)), JSON.stringify(noAddress));
});

test('content sniffing: a saved whois answer is RPSL whatever its name; other text is not', () => {
  assert.equal(firstContentLine(RIPE_ANSWER), 'route:          46.161.62.0/24');
  assert.ok(looksLikeRpsl(RIPE_ANSWER));
  assert.ok(looksLikeRpsl(`Warning: RIPE flags used with a traditional server.\n${APNIC_IRT}`));
  assert.equal(languageOfFile('AS50896.txt', RIPE_ANSWER), 'rpsl');
  assert.equal(languageOfFile('answer', RIPE_ANSWER), 'rpsl');
  assert.equal(languageOfContent(RIPE_ANSWER), 'rpsl');
  // ARIN's own whois format is not RPSL (NetRange:), nor a script, nor remarks only, nor JSON.
  assert.equal(looksLikeRpsl('#\n# ARIN WHOIS data and services are subject to the Terms of Use\n#\n\nNetRange:       17.0.0.0 - 17.255.255.255\n'), false);
  assert.equal(looksLikeRpsl('#!/bin/sh\necho route: 1\n'), false);
  assert.equal(looksLikeRpsl('% No entries found for the selected source(s).\n'), false);
  assert.equal(languageOfContent('{"aspas": []}'), 'aspa');
  assert.equal(languageOfContent('[{"customer_asid": 1}]'), 'aspa');
  assert.equal(languageOfContent('{"routes": []}'), undefined);
  // The BSD/macOS client prints IANA's referral before the registry's answer (iana__referral-185-75-88-0.txt).
  assert.ok(looksLikeRpsl('% IANA WHOIS server\n\nrefer:        whois.ripe.net\n\ninetnum:      185.0.0.0 - 185.255.255.255\norganisation: RIPE NCC\n'));
  // In a directory walk a YAML or Markdown file is not taken for RPSL however its lines look; named, content decides.
  assert.equal(languageOfFile('deploy.yaml', 'domain: example.com\nperson: me\n'), undefined);
  assert.equal(languageOfContent('domain: example.com\nnserver: ns1.example.com\n'), 'rpsl');
});

test("another server's non-RPSL answer (IANA's, ARIN's) is skipped up to the next answer, and said so", () => {
  // As the BSD/macOS client prints it (iana__referral-185-75-88-0.txt, shortened).
  const bsd = '% IANA WHOIS server\n% This query returned 1 object\n\nrefer:        whois.ripe.net\n\ninetnum:      185.0.0.0 - 185.255.255.255\norganisation: RIPE NCC\n\nwhois:        whois.ripe.net\n\n# whois.ripe.net\n\nroute:          185.75.88.0/22\norigin:         AS62222\nsource:         RIPE\n';
  const r = frameRpsl(bsd);
  assert.deepEqual(
    r.objects.map((o) => o.className),
    ['route'],
  );
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.severity, d.span.start]),
    [['rpsl/foreign-answer', 'information', 0]],
  );
  // As the Linux client prints a referral from ARIN to RIPE (the picoCTF write-up's session, shortened).
  const linux = '#\n# ARIN WHOIS data and services are subject to the Terms of Use\n#\n\nNetRange:       173.249.0.0 - 173.249.63.255\nNetName:        RIPE\n\nReferralServer:  whois://whois.ripe.net\n\n#\n# ARIN WHOIS data and services are subject to the Terms of Use\n#\n\n[Redirected to whois.ripe.net]\n% This is the RIPE Database query service.\n\nroute:          173.249.32.0/23\norigin:         AS51167\nsource:         RIPE\n';
  assert.deepEqual(
    frameRpsl(linux).objects.map((o) => o.className),
    ['route'],
  );
  // Without a next answer the rest of the text is the foreign server's.
  assert.deepEqual(frameRpsl('% IANA WHOIS server\n\nrefer:        whois.ripe.net\n').objects, []);
  // A "%" line inside an object is a remark, never a header that hides what follows.
  assert.deepEqual(
    frameRpsl('route: 192.0.2.0/24\n% IANA WHOIS server\norigin: AS1\n').objects[0]!.attributes.map((a) => a.name),
    ['route', 'origin'],
  );
});
