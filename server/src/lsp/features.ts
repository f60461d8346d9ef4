import type { FeatureModule } from './context';
import { editorHintsFeatures } from './editorHintsFeatures';
import { observedPathsFeatures } from './observedPathsFeatures';
import { pathsFeatures } from './pathsFeatures';
import { rpkiFeatures } from './rpkiFeatures';
import { workspaceFeatures } from './workspaceFeatures';

/**
 * Feature modules beyond the per-document language features: each area that needs server state
 * (the workspace index, RPKI data, the path panel) registers here.
 */
export const featureModules: readonly FeatureModule[] = [pathsFeatures, rpkiFeatures, workspaceFeatures, editorHintsFeatures, observedPathsFeatures];
