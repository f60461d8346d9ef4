import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { EditorDocument } from './editorDocument';
import type { SourceDocument } from '../core/document';
import type { ObservedPaths } from '../core/aspa/observedChecks';
import type { ServiceContext } from '../core/languages/service';
import type { MrtSink } from '../core/mrt/types';
import type { ByteSource } from '../core/mrtView/byteSource';
import type { LiveRpki } from '../core/paths/loadData';
import type { RpkiStore } from '../core/rpki/store';
import type { Connector } from '../core/rpki/transport';
import type { ServerSettings } from './settings';

/** What the host (node or browser) injects: timers and, where it has one, file access. */
export interface Runtime {
  readonly timer: {
    setTimeout(callback: () => void, ms: number): { dispose(): void };
  };
  /** Reads a file by URI; absent in the browser, where only open documents are seen. */
  readonly readFile?: (uri: string) => Promise<string>;
  /**
   * Streams an MRT file by URI (plain, gzip or bzip2; told by content) into `sink`, a record at a time; resolves
   * false, having read nothing, when the file is not MRT. Absent in the browser.
   */
  readonly streamMrt?: (uri: string, sink: MrtSink) => Promise<boolean>;
  /** A file's raw bytes as a stream with its size, for the panel's MRT reader (the browser asks the client for them). */
  readonly openBytes?: (uri: string) => Promise<ByteSource>;
  /** Lists files below a folder URI whose names end with one of `suffixes`. */
  readonly findFiles?: (folderUri: string, suffixes: readonly string[]) => Promise<string[]>;
  /** Opens TCP streams to an RTR cache; absent in the browser, where RTR is reported as unavailable. */
  readonly rtrConnector?: Connector;
}

/** What the client said at initialize it can do, as the feature modules ask it. */
export interface ClientSupport {
  readonly workDoneProgress: boolean;
  readonly pullDiagnostics: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly inlayHintRefresh: boolean;
  readonly codeLensRefresh: boolean;
}

/** Everything a feature module gets from the server core; feature modules never build their own state. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<EditorDocument>;
  readonly runtime: Runtime;
  /** The SourceDocument for an open document's current version (same object until it changes). */
  sourceDocument(uri: string): SourceDocument | undefined;
  serviceContext(): ServiceContext;
  /** Re-validate every open document (after the workspace index or settings changed). */
  refreshDiagnostics(): void;
  /**
   * Lets work run on without waiting for it, logging a failure: a promise dropped with `void` that rejects
   * (a client refusing a request, a file that cannot be read) would end the server process.
   */
  background(what: string, work: Promise<unknown>): void;
  /** Called after an open document's objects were (re)indexed: at once for small documents, when typing pauses for large ones. */
  onDidIndex(listener: (uri: string) => void): void;
  /** Routes someone observed (`routelens.data.pathFiles`), for the ASPA services; undefined clears them. */
  setObservedPaths(o: ObservedPaths | undefined): void;
  /** Called with the settings, read once for all modules, each time they are (re)read. */
  onSettings(listener: (settings: ServerSettings) => void): void;
  /** The RPKI store of the server (the RPKI feature module makes it); the ASPA services and the panel read it. */
  setRpkiStore(store: RpkiStore): void;
  /** The RPKI store's data when it holds any. */
  liveRpki(): LiveRpki | undefined;
  readonly clientCapabilities: ClientSupport;
  /** Workspace folder URIs from initialize. */
  readonly workspaceFolders: readonly string[];
}

/** A feature module: registers its handlers, and may be given the context only after `initialize`. */
export type FeatureModule = (ctx: ServerContext) => void;
