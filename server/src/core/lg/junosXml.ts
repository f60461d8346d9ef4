/**
 * Junos `| display xml`. Junos renders `| display json` from the same XML tree, one rule for every
 * element: an element becomes a key whose value is a list of objects, a text element `[{"data": text}]`,
 * its attributes an `attributes` object. So the XML is turned into that JSON shape here and read by the
 * same code as `| display json` (jsonForms.ts), element names and all.
 *
 * A small tag scanner, not an XML parser: Junos output has no CDATA, no DTD and only the five entities.
 */

type Node = Record<string, unknown>;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
}

/** Whether the text is an XML document (after blanks): `<?xml`, `<rpc-reply`, `<route-information`. */
export function looksLikeXml(s: string): boolean {
  return /^\s*<(?:\?xml\b|rpc-reply\b|[a-z][\w-]*-information\b)/.test(s);
}

/** The document in Junos's JSON shape, or undefined when its tags do not nest. */
export function junosXmlToJson(text: string): Node | undefined {
  const root: Node = {};
  const stack: { name: string; node: Node; text: string }[] = [{ name: '', node: root, text: '' }];
  const tag = /<(\/?)([\w:.-]+)([^<>]*?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    const top = stack[stack.length - 1];
    if (top === undefined) return undefined;
    top.text += text.slice(at, m.index);
    at = m.index + m[0].length;
    const name = m[2];
    if (name === undefined) continue; // a declaration or a comment
    if (m[1] === '/') {
      const done = stack.pop();
      const parent = stack[stack.length - 1];
      if (done === undefined || parent === undefined || done.name !== name) return undefined;
      // A text element: its text is the value (Junos ends some with a line break: `65001 I\n`).
      if (Object.keys(done.node).filter((k) => k !== 'attributes').length === 0) done.node.data = decode(done.text.trim());
      continue;
    }
    const node: Node = {};
    const attrs = [...(m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)];
    if (attrs.length > 0) node.attributes = Object.fromEntries(attrs.map((a) => [a[1] ?? '', decode(a[2] ?? '')]));
    const list = (top.node[name] ??= []) as Node[];
    list.push(node);
    if (m[4] === '/') node.data = [null];
    else stack.push({ name, node, text: '' });
  }
  return stack.length === 1 ? root : undefined;
}
