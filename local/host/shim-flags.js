/*
 * Flags for the local Forge bridge shim (bridge-shim.js): `showFlag` renders a small toast in
 * the frame, `closeFlag` removes it. Loaded just before the shim, in the same inline script.
 */
(function installLocalForgeFlags(global) {
  'use strict';

  var flags = {};
  function flagContainer() {
    var c = global.document.getElementById('forge-local-flags');
    if (c) return c;
    c = global.document.createElement('div');
    c.id = 'forge-local-flags';
    c.setAttribute('role', 'region');
    c.setAttribute('aria-label', 'Notifications');
    c.style.cssText = 'position:fixed;left:16px;bottom:16px;z-index:2147483647;display:flex;' +
      'flex-direction:column;gap:8px;max-width:360px;font:14px/20px system-ui,sans-serif';
    global.document.body.appendChild(c);
    return c;
  }
  var flagColours = {
    success: 'var(--ds-icon-success, #22A06B)',
    error: 'var(--ds-icon-danger, #C9372C)',
    warning: 'var(--ds-icon-warning, #E06C00)',
    info: 'var(--ds-icon-information, #357DE8)',
  };
  function closeFlag(id) {
    var el = flags[id];
    if (el && el.parentNode) el.parentNode.removeChild(el);
    delete flags[id];
    return Promise.resolve(true);
  }
  function showFlag(o) {
    if (!o || !o.id) {
      var e = new Error('"id" must be defined in flag options');
      e.name = 'BridgeAPIError';
      return Promise.reject(e);
    }
    closeFlag(o.id);
    var el = global.document.createElement('div');
    el.setAttribute('role', o.type === 'error' ? 'alert' : 'status');
    el.setAttribute('data-flag-id', String(o.id));
    el.setAttribute('data-flag-type', o.type || 'info');
    el.style.cssText = 'background:var(--ds-surface-overlay, #fff);color:var(--ds-text, #292A2E);' +
      'box-shadow:var(--ds-shadow-overlay, 0 8px 12px rgba(0,0,0,.2));border-radius:6px;padding:12px 16px;' +
      'border-left:4px solid ' + (flagColours[o.type] || flagColours.info);
    var title = global.document.createElement('strong');
    title.textContent = o.title || '';
    el.appendChild(title);
    if (o.description) {
      var d = global.document.createElement('div');
      d.textContent = o.description;
      el.appendChild(d);
    }
    (o.actions || []).forEach(function (a) {
      var b = global.document.createElement('button');
      b.type = 'button';
      b.textContent = a.text;
      b.style.cssText = 'margin:8px 8px 0 0';
      b.addEventListener('click', function () { if (typeof a.onClick === 'function') a.onClick(); });
      el.appendChild(b);
    });
    var x = global.document.createElement('button');
    x.type = 'button';
    x.setAttribute('aria-label', 'Dismiss');
    x.textContent = '×';
    x.style.cssText = 'float:right;border:0;background:none;color:inherit;cursor:pointer;font-size:16px';
    x.addEventListener('click', function () { closeFlag(o.id); });
    el.insertBefore(x, el.firstChild);
    flags[o.id] = el;
    flagContainer().appendChild(el);
    if (o.isAutoDismiss) global.setTimeout(function () { closeFlag(o.id); }, 8000);
    return Promise.resolve(true);
  }

  global.__localForgeFlags = { showFlag: showFlag, closeFlag: closeFlag };
})(typeof globalThis !== 'undefined' ? globalThis : window);
