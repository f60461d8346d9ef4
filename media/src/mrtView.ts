import './mrtView.css';
import type { EpisodeRow, MrtProgress, MrtView } from '../../server/src/core/mrtView/model';
import { duration, isoTime } from '../../server/src/core/scan/render';
import type { DataKind, HostToWebview, WebviewToHost } from '../../server/src/protocol/webview';

/** Rows in the DOM at once; the filter narrows the rest (a RIB with VRPs can give thousands of ROV episodes). */
const MAX_SHOWN = 500;

type MrtMessage = Extract<HostToWebview, { type: 'mrtStart' | 'mrtProgress' | 'mrtView' | 'mrtError' | 'readDropped' }>;

/**
 * What the page keeps of the open file across a reload of the panel or the window (in the webview state, so the
 * host's serializer sees `uri` and reads the file again): never the episode list, which the read gives back.
 */
export interface MrtSaved {
  readonly uri: string;
  readonly filter: EpisodeFilter;
  /** Selected episodes with what they were (an episode number alone could name another one if the data changed). */
  readonly selected: readonly { readonly id: number; readonly key: string }[];
}

export function isMrtSaved(v: unknown): v is MrtSaved {
  const o = v as Partial<Record<keyof MrtSaved, unknown>> | null;
  if (typeof o !== 'object' || o === null || typeof o.uri !== 'string' || !Array.isArray(o.selected)) return false;
  const f = o.filter as Partial<Record<keyof EpisodeFilter, unknown>> | null;
  return typeof f === 'object' && f !== null && typeof f.prefix === 'string' && typeof f.origin === 'string' && typeof f.as === 'string' && o.selected.every((x: { id?: unknown; key?: unknown }) => typeof x?.id === 'number' && typeof x.key === 'string');
}

const episodeKey = (e: EpisodeRow): string => `${e.kind}:${e.leaker}>${e.sentTo ?? ''}@${e.first}-${e.last}`;

/** Files dropped from the operating system that the page holds for the host to read (the last few). */
const KEEP_DROPPED = 2;

export interface EpisodeFilter {
  readonly prefix: string;
  readonly origin: string;
  readonly as: string;
}

function asNumber(text: string): number | undefined {
  const m = /^\s*(?:AS)?(\d{1,10})\s*$/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Prefix: text in one of the episode's prefixes. Origin: one of its origins. AS: on its leak hop, an origin or on the example path. */
export function episodeMatches(e: EpisodeRow, f: EpisodeFilter): boolean {
  const prefix = f.prefix.trim();
  if (prefix !== '' && !e.prefixes.some((p) => p.includes(prefix)) && !e.example.prefix.includes(prefix)) return false;
  if (f.origin.trim() !== '') {
    const o = asNumber(f.origin);
    if (o === undefined || !e.origins.includes(o)) return false;
  }
  if (f.as.trim() !== '') {
    const a = asNumber(f.as);
    if (a === undefined) return false;
    const onPath = e.example.path.split(/[\s{},()[\]]+/).includes(String(a));
    if (e.leaker !== a && e.sentTo !== a && !e.learnedFrom.includes(a) && !e.origins.includes(a) && !onPath) return false;
  }
  return true;
}


const megabytes = (n: number): string => `${(n / 1_048_576).toFixed(1)} MB`;
const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function hopText(e: EpisodeRow): string {
  if (e.kind === 'rov') return `AS${e.leaker} originates routes no VRP allows`;
  const from = e.learnedFrom.length > 0 ? `${e.learnedFrom.map((a) => `AS${a}`).join('/')} → ` : '';
  return `${from}AS${e.leaker} → ${e.sentTo !== undefined ? `AS${e.sentTo}` : 'collector'}`;
}

const NO_DATA_LINKS: readonly (readonly [DataKind & keyof MrtView['data'], string])[] = [
  ['aspa', 'ASPA'],
  ['relationships', 'AS relationships'],
  ['rov', 'VRPs'],
];

/**
 * The MRT file section of the path panel: progress while the language server reads the file, then its leak
 * episodes with a prefix / origin / AS filter. Selecting episodes (click; Ctrl/⌘ adds, Shift extends; arrows and
 * Enter) asks the host for their routes, which the panel then draws as any paste — a sample of at most 1,000
 * routes, never the file. Files dropped on the page (from the Explorer or the operating system, with Shift in VS
 * Code) are opened too. The file's URI, the filter and the selection outlive a reload (MrtSaved).
 */
export class MrtViewSection {
  private session = 0;
  private view: MrtView | undefined;
  private readonly selected = new Set<number>();
  private anchor: number | undefined;
  private filter: EpisodeFilter = { prefix: '', origin: '', as: '' };
  private readonly head: HTMLElement;
  private readonly note: HTMLElement;
  private readonly list: HTMLElement;
  private readonly filters: HTMLElement;
  private rows: HTMLTableRowElement[] = [];
  /** The URI of the file shown, when the host can read it again; a dropped file has none. */
  private uri: string | undefined;
  private readonly dropped = new Map<number, File>();
  private dropCount = 0;

  /**
   * `saved`: what `onSave` last stored, given back after a reload; its filter and selection are applied when the
   * same file's episode list comes.
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly send: (m: WebviewToHost) => void,
    private saved?: MrtSaved,
    private readonly onSave: (s: MrtSaved | undefined) => void = () => undefined,
  ) {
    host.innerHTML = `
<div class="rl-mrt-head"><strong class="rl-mrt-file"></strong><progress max="1" value="0" aria-label="Read so far"></progress><span class="rl-mrt-progress" role="status" aria-live="polite"></span>
<button type="button" class="rl-mrt-stop">Stop</button><button type="button" class="rl-mrt-open" title="Open another MRT file (RIB dump or updates; plain, gzip or bzip2)">Open MRT file…</button><button type="button" class="rl-mrt-close" title="Hide the MRT file's episodes">Close</button></div>
<div class="rl-mrt-note"></div>
<div class="rl-mrt-filter" role="search" aria-label="Filter episodes">
<label title="Episodes with a prefix containing this text">Prefix <input type="search" data-f="prefix" spellcheck="false" size="14" placeholder="200.74."></label>
<label title="Episodes of routes from this origin AS">Origin <input type="search" data-f="origin" spellcheck="false" size="8" placeholder="21980"></label>
<label title="Episodes where this AS leaks, receives the leak, passed the routes to the leaker, originates them, or is on the example path">AS <input type="search" data-f="as" spellcheck="false" size="8" placeholder="8048"></label>
<span class="rl-mrt-count"></span></div>
<div class="rl-mrt-list" aria-label="Episodes"></div>`;
    this.head = host.querySelector('.rl-mrt-head')!;
    this.note = host.querySelector('.rl-mrt-note')!;
    this.list = host.querySelector('.rl-mrt-list')!;
    this.filters = host.querySelector('.rl-mrt-filter')!;
    host.querySelector('.rl-mrt-stop')!.addEventListener('click', () => this.send({ type: 'mrtCancel' }));
    host.querySelector('.rl-mrt-open')!.addEventListener('click', () => this.send({ type: 'openMrt' }));
    host.querySelector('.rl-mrt-close')!.addEventListener('click', () => {
      this.send({ type: 'mrtClose' });
      host.hidden = true;
      this.view = undefined;
      this.uri = undefined;
      this.save();
    });
    for (const input of host.querySelectorAll<HTMLInputElement>('input[data-f]')) {
      input.addEventListener('input', () => {
        this.filter = { ...this.filter, [input.dataset.f as keyof EpisodeFilter]: input.value };
        this.renderList();
        this.save();
      });
    }
    this.list.addEventListener('click', (e) => {
      const row = (e.target as Element | null)?.closest<HTMLTableRowElement>('tr[data-episode]');
      if (row) this.choose(Number(row.dataset.episode), e.ctrlKey || e.metaKey, e.shiftKey);
    });
    this.list.addEventListener('keydown', (e) => this.key(e));
    this.acceptDrops();
  }

  receive(m: MrtMessage): void {
    switch (m.type) {
      case 'mrtStart': {
        this.session = m.session;
        this.view = undefined;
        this.selected.clear();
        this.anchor = undefined;
        this.uri = m.uri;
        // The same file again (the panel or the window was reloaded): its filter comes back with it.
        const again = this.saved !== undefined && this.saved.uri === m.uri;
        this.filter = again ? this.saved!.filter : { prefix: '', origin: '', as: '' };
        for (const input of this.host.querySelectorAll<HTMLInputElement>('input[data-f]')) input.value = this.filter[input.dataset.f as keyof EpisodeFilter];
        if (!again) this.saved = undefined;
        this.save();
        this.host.hidden = false;
        this.setHead(m.file, 0, 'Reading…', true);
        this.note.replaceChildren();
        this.filters.hidden = true;
        this.list.replaceChildren();
        return;
      }
      case 'readDropped':
        void this.readDropped(m.req, m.id, m.offset, m.length);
        return;
      case 'mrtProgress': {
        const p: MrtProgress = m.progress;
        if (p.session !== this.session || this.view) return;
        const share = p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 0;
        this.setHead(p.file, share, `Reading: ${Math.floor(share * 100)} % (${megabytes(p.bytesRead)} of ${megabytes(p.totalBytes)}), ${count(p.routes, 'route')}`, true);
        return;
      }
      case 'mrtError':
        if (m.session !== this.session) return;
        this.setHead(this.host.querySelector('.rl-mrt-file')!.textContent ?? '', 0, '', false);
        this.note.replaceChildren(span(m.message, 'rl-error'));
        return;
      case 'mrtView':
        if (m.view.session !== this.session) return;
        this.restoreSelection(m.view);
        this.show(m.view);
        this.save();
        return;
    }
  }

  /** After a reload: the episodes selected before, if the new read has each of them where it was. */
  private restoreSelection(v: MrtView): void {
    const saved = this.saved?.selected ?? [];
    this.saved = undefined;
    if (saved.length === 0 || !saved.every((s) => v.episodes[s.id] !== undefined && episodeKey(v.episodes[s.id]!) === s.key)) return;
    for (const s of saved) this.selected.add(s.id);
    this.anchor = saved.at(-1)!.id;
  }

  private save(): void {
    const v = this.view;
    if (this.uri === undefined) return this.onSave(undefined);
    const selected = v === undefined ? (this.saved?.selected ?? []) : [...this.selected].filter((id) => v.episodes[id] !== undefined).map((id) => ({ id, key: episodeKey(v.episodes[id]!) }));
    this.onSave({ uri: this.uri, filter: this.filter, selected });
  }

  /** A slice of a dropped file, read from the file as the host asks (never the whole file in memory). */
  private async readDropped(req: number, id: number, offset: number, length: number): Promise<void> {
    const file = this.dropped.get(id);
    if (file === undefined) return this.send({ type: 'droppedBytes', req, error: 'the panel no longer holds the dropped file (it was reloaded); drop the file again' });
    try {
      this.send({ type: 'droppedBytes', req, data: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) });
    } catch (e) {
      this.send({ type: 'droppedBytes', req, error: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private setHead(file: string, share: number, text: string, reading: boolean): void {
    this.head.querySelector('.rl-mrt-file')!.textContent = file;
    const bar = this.head.querySelector('progress')!;
    bar.hidden = !reading;
    bar.value = share;
    this.head.querySelector('.rl-mrt-progress')!.textContent = text;
    this.head.querySelector<HTMLButtonElement>('.rl-mrt-stop')!.hidden = !reading;
  }

  private show(v: MrtView): void {
    this.view = v;
    const span_ = v.first !== undefined && v.last !== undefined ? `, ${isoTime(v.first)} – ${isoTime(v.last)}` : '';
    const compression = v.compression === 'none' ? '' : `, ${v.compression}`;
    this.setHead(v.file, 1, `${count(v.routes, 'route')}${span_}${compression} · ${count(v.routesFlagged, 'flagged route')} · ${count(v.episodeCount, 'episode')} · read in ${v.seconds.toFixed(1)} s`, false);
    const notes: HTMLElement[] = [];
    const missing = NO_DATA_LINKS.filter(([k]) => !v.data[k]);
    if (missing.length === NO_DATA_LINKS.length) notes.push(span('No ASPA, AS-relationship or VRP data, so no route can be flagged. Choose:'));
    else if (missing.length > 0) notes.push(span('Not checked for want of data:'));
    for (const [kind, label] of missing) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'rl-link';
      b.textContent = `${label} file…`;
      b.addEventListener('click', () => this.send({ type: 'pickData', kind }));
      notes.push(b);
    }
    if (v.episodeCount > 0) notes.push(span(' Select an episode to draw its routes (Ctrl/⌘ or Shift to add more).'));
    for (const d of v.diagnostics.slice(0, 3)) notes.push(span(` byte ${d.offset}: ${d.message} [${d.code}]`, 'rl-error'));
    if (v.diagnosticCount > 3) notes.push(span(` … ${count(v.diagnosticCount - 3, 'more problem')}`, 'rl-error'));
    this.note.replaceChildren(...notes.flatMap((n) => [n, document.createTextNode(' ')]));
    this.filters.hidden = v.episodeCount === 0;
    this.renderList();
  }

  private visible(): EpisodeRow[] {
    return (this.view?.episodes ?? []).filter((e) => episodeMatches(e, this.filter));
  }

  private renderList(): void {
    const v = this.view;
    if (!v || v.episodeCount === 0) {
      this.list.replaceChildren();
      return;
    }
    const visible = this.visible();
    const shown = visible.slice(0, MAX_SHOWN);
    const counted = this.host.querySelector('.rl-mrt-count')!;
    const cut = v.episodeCount > v.episodes.length ? ` (the first ${v.episodes.length.toLocaleString('en-US')} of ${v.episodeCount.toLocaleString('en-US')} listed)` : '';
    counted.textContent = `${visible.length.toLocaleString('en-US')} of ${count(v.episodes.length, 'episode')}${visible.length > MAX_SHOWN ? `, ${MAX_SHOWN} shown: narrow with the filter` : ''}${cut}`;
    const table = document.createElement('table');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-multiselectable', 'true');
    table.setAttribute('aria-label', `Episodes: ${shown.length} of ${v.episodes.length} shown`);
    const head = table.createTHead().insertRow();
    for (const h of ['First seen', 'Duration', 'Leak', 'Origins', 'Prefixes', 'Checks', 'Routes', 'Peers']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    this.rows = shown.map((e, i) => {
      const tr = body.insertRow();
      tr.className = 'rl-episode';
      tr.dataset.episode = String(e.id);
      tr.tabIndex = (this.anchor === undefined ? i === 0 : e.id === this.anchor) ? 0 : -1;
      tr.setAttribute('aria-selected', String(this.selected.has(e.id)));
      const origins = e.originCount <= 3 ? e.origins.map((a) => `AS${a}`).join(', ') : `${e.originCount.toLocaleString('en-US')} ASes`;
      const prefixes = `${e.prefixCount.toLocaleString('en-US')}: ${e.prefixes.slice(0, 3).join(', ')}${e.prefixCount > 3 ? ', …' : ''}`;
      const cells = [isoTime(e.first), duration(e.last - e.first), hopText(e), origins, prefixes, e.checks.join(', '), e.routes.toLocaleString('en-US'), e.peerCount.toLocaleString('en-US')];
      cells.forEach((c, k) => {
        const td = tr.insertCell();
        td.textContent = c;
        if (k === 4) td.className = 'rl-mrt-prefixes';
      });
      tr.title = `${e.example.reason}\ne.g. ${e.example.prefix} via ${e.example.peer}: ${e.example.path}\nlast seen ${isoTime(e.last)}`;
      return tr;
    });
    this.list.replaceChildren(table);
  }

  /** Click: this one. Ctrl/⌘: toggle it. Shift: the range from the last one chosen. Then the host draws them. */
  private choose(id: number, toggle: boolean, range: boolean): void {
    if (range && this.anchor !== undefined) {
      const ids = this.rows.map((r) => Number(r.dataset.episode));
      const [a, b] = [ids.indexOf(this.anchor), ids.indexOf(id)].sort((x, y) => x - y) as [number, number];
      if (a >= 0) for (const x of ids.slice(a, b + 1)) this.selected.add(x);
    } else if (toggle) {
      if (!this.selected.delete(id)) this.selected.add(id);
      this.anchor = id;
    } else {
      this.selected.clear();
      this.selected.add(id);
      this.anchor = id;
    }
    for (const r of this.rows) {
      const x = Number(r.dataset.episode);
      r.setAttribute('aria-selected', String(this.selected.has(x)));
      r.tabIndex = x === id ? 0 : -1;
    }
    this.save();
    if (this.selected.size > 0) this.send({ type: 'mrtSelect', session: this.session, episodes: [...this.selected] });
  }

  private key(e: KeyboardEvent): void {
    const row = (e.target as Element | null)?.closest<HTMLTableRowElement>('tr[data-episode]');
    if (!row) return;
    const i = this.rows.indexOf(row);
    const next = e.key === 'ArrowDown' ? this.rows[i + 1] : e.key === 'ArrowUp' ? this.rows[i - 1] : undefined;
    if (next) {
      e.preventDefault();
      row.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(Number(row.dataset.episode), e.ctrlKey || e.metaKey, e.shiftKey);
    }
  }

  /**
   * Files dragged in (with Shift held in VS Code, else the editor area takes the drop). From the Explorer VS Code
   * hands the page their URIs; from the operating system the page gets the file itself (and on some systems a
   * file: URI as well), which it keeps and reads in slices when the host asks: the host cannot open a file of the
   * user's machine in VS Code for the web, nor one the drop names by no URI.
   */
  private acceptDrops(): void {
    const uriOf = (d: DataTransfer | null): string | undefined => {
      const text = d?.getData('application/vnd.code.uri-list') || d?.getData('text/uri-list') || '';
      return text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#'))?.trim();
    };
    const carriesFiles = (d: DataTransfer | null): boolean => !!d && [...d.types].some((t) => t === 'Files' || t === 'text/uri-list' || t === 'application/vnd.code.uri-list');
    document.addEventListener('dragover', (e) => {
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      document.body.classList.add('rl-drop');
    });
    document.addEventListener('dragleave', () => document.body.classList.remove('rl-drop'));
    document.addEventListener('drop', (e) => {
      document.body.classList.remove('rl-drop');
      if (!carriesFiles(e.dataTransfer)) return;
      const found = uriOf(e.dataTransfer);
      const uri = found !== undefined && /^[a-z][\w+.-]*:/i.test(found) ? found : undefined;
      const file = e.dataTransfer?.files[0];
      // Text dropped on the paste editor is the editor's; only a file is ours.
      if (uri === undefined && file === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      if (file === undefined) return this.send({ type: 'openMrt', uri: uri! });
      const id = ++this.dropCount;
      this.dropped.set(id, file);
      for (const k of this.dropped.keys()) if (this.dropped.size > KEEP_DROPPED) this.dropped.delete(k);
      this.send({ type: 'openMrt', ...(uri !== undefined ? { uri } : {}), dropped: { id, name: file.name, size: file.size } });
    }, true);
  }
}

function span(text: string, cls?: string): HTMLElement {
  const s = document.createElement('span');
  s.textContent = text;
  if (cls) s.className = cls;
  return s;
}
