import type { RouteLensSettings } from '../settings';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the workspace features read beside their document; the language services' context extends it. */
export interface WorkspaceContext {
  readonly settings: RouteLensSettings;
  readonly workspace: WorkspaceIndex;
}
