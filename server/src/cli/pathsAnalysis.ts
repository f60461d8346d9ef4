import { analyzePaths } from '../core/paths/analyze';
import { loadPathData } from '../core/paths/loadData';
import { renderPaths } from '../core/paths/renderPaths';
import { EXIT } from './io';
import { registerPathsAnalysis, type PathsAnalysisHook } from './paths';
import { readDataText } from './readText';

/**
 * The analysis behind `routelens paths`: the same model and drawing as the panel. html and svg always
 * draw; text and json switch from the parsed routes to the analysis (Markdown summary, model JSON) as soon
 * as a data file is given, and then exit 1 when a route has an error-level finding, as `lint` does.
 */
export const pathsAnalysis: PathsAnalysisHook = async (req) => {
  const drawing = req.format === 'html' || req.format === 'svg';
  const hasData = req.aspaFiles.length > 0 || req.relationshipsFile !== undefined || req.vrpsFile !== undefined;
  if (!drawing && !hasData) return undefined;
  const data = await loadPathData(
    {
      aspaFiles: req.aspaFiles,
      ...(req.vrpsFile !== undefined ? { vrpFiles: [req.vrpsFile] } : {}),
      ...(req.relationshipsFile !== undefined ? { relationshipFiles: [req.relationshipsFile] } : {}),
    },
    (p) => readDataText(() => req.io.readFile(p), p, req.io.stderr),
  );
  for (const set of Object.values(data.status ?? {})) for (const e of set?.errors ?? []) req.io.stderr(`routelens paths: ${e.source}: ${e.message}\n`);
  const model = analyzePaths(req.result, data);
  req.io.stdout(renderPaths(model, req.format === 'html' ? 'html' : req.format === 'svg' ? 'svg' : req.format === 'json' ? 'json' : 'markdown'));
  return !drawing && model.routes.some((r) => r.verdict === 'leak') ? EXIT.findings : EXIT.ok;
};

registerPathsAnalysis(pathsAnalysis);
