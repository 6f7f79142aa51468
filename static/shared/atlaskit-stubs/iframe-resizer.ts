/**
 * Stands in for iframe-resizer, which @forge/bridge loads only to size the frame of its ADF
 * renderer (view.createAdfRendererIframeProps). These apps render no ADF, so its ~29 KB never ship.
 */
function unused(): never {
  throw new Error('the ADF renderer frame of @forge/bridge is not part of these apps');
}

export default { iframeResizer: unused };
