/*
 * The local stand-in for the Forge Custom UI bridge. The host injects this file as the first
 * script of the app's index.html, followed by a call with the frame's configuration, so
 * `globalThis.__bridge` exists before @forge/bridge is imported (the SDK reads it at import).
 * Plain ES2019 on purpose: it is served as is, without a bundler.
 */
(function installLocalForgeBridge(global) {
  'use strict';

  function bridgeError(message) {
    var e = new Error(message);
    e.name = 'BridgeAPIError';
    return e;
  }

  // --- routing: the route lives in the frame URL's hash (#/path?query) ---------------------
  function parseRoute(to) {
    var s = typeof to === 'string' ? to : '';
    if (typeof to === 'object' && to !== null) {
      s = (to.pathname || '/') + (to.search || '') + (to.hash || '');
    }
    if (s.charAt(0) !== '/') s = '/' + s;
    var hashAt = s.indexOf('#');
    var hash = hashAt >= 0 ? s.slice(hashAt) : '';
    if (hashAt >= 0) s = s.slice(0, hashAt);
    var queryAt = s.indexOf('?');
    return {
      pathname: queryAt >= 0 ? s.slice(0, queryAt) : s,
      search: queryAt >= 0 ? s.slice(queryAt) : '',
      hash: hash,
    };
  }

  function routeFromLocation(state, key) {
    var raw = global.location.hash ? global.location.hash.slice(1) : '/';
    var r = parseRoute(raw || '/');
    r.state = state === undefined ? null : state;
    r.key = key || 'default';
    return r;
  }

  var keySeq = 0;
  function nextKey() {
    keySeq += 1;
    return 'k' + keySeq.toString(36);
  }

  function tellParent(route) {
    // The Jira-like page mirrors the route into its own URL, as Jira does for global pages.
    if (global.parent && global.parent !== global) {
      try {
        global.parent.postMessage({ type: 'forge-local-route', route: route }, global.location.origin);
      } catch (e) {
        /* a foreign parent: nothing to mirror */
      }
    }
  }

  function createHistory() {
    var listeners = [];
    var history = {
      action: 'POP',
      location: routeFromLocation(null, 'default'),
      length: 1,
      createHref: function (to) {
        var r = parseRoute(to);
        return '#' + r.pathname + r.search + r.hash;
      },
      push: function (to, state) { change('PUSH', to, state); },
      replace: function (to, state) { change('REPLACE', to, state); },
      go: function (n) { global.history.go(n); },
      back: function () { global.history.back(); },
      forward: function () { global.history.forward(); },
      block: function () { return function () {}; },
      listen: function (listener) {
        listeners.push(listener);
        return function unlisten() {
          listeners = listeners.filter(function (l) { return l !== listener; });
        };
      },
    };
    var applying = false;
    function notify(action) {
      history.action = action;
      var loc = history.location;
      // Listeners written for history v4 read (location, action), for v5 ({action, location}):
      // the update is both, so either kind works (the bridge itself keeps it as the location).
      var update = Object.assign({}, loc, { location: loc, action: action });
      listeners.slice().forEach(function (l) { l(update, action); });
      tellParent(loc.pathname + loc.search + loc.hash);
    }
    function change(action, to, state) {
      var r = parseRoute(to);
      var href = global.location.pathname + global.location.search + '#' + r.pathname + r.search + r.hash;
      applying = true;
      if (action === 'PUSH') global.history.pushState(state === undefined ? null : state, '', href);
      else global.history.replaceState(state === undefined ? null : state, '', href);
      applying = false;
      if (action === 'PUSH') history.length += 1;
      history.location = routeFromLocation(state, nextKey());
      notify(action);
    }
    function onPop(event) {
      if (applying) return;
      history.location = routeFromLocation(event && event.state, nextKey());
      notify('POP');
    }
    global.addEventListener('popstate', onPop);
    global.addEventListener('hashchange', function () {
      var now = routeFromLocation(null, '');
      var cur = history.location;
      if (now.pathname !== cur.pathname || now.search !== cur.search || now.hash !== cur.hash) onPop(null);
    });
    return history;
  }

  // --- theming: Atlassian design tokens on <html>, the way Jira themes a Custom UI frame ----
  function enableTheming(config) {
    var html = global.document.documentElement;
    html.setAttribute('data-color-mode', config.colorMode);
    html.setAttribute('data-theme', config.themeAttribute);
    config.themeCss.forEach(function (href) {
      if (global.document.querySelector('link[data-forge-tokens="' + href + '"]')) return;
      var link = global.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.setAttribute('data-forge-tokens', href);
      global.document.head.appendChild(link);
    });
    return Promise.resolve();
  }

  // --- navigation -----------------------------------------------------------------------------
  function urlFor(config, loc) {
    if (typeof loc === 'string') return loc;
    if (loc && typeof loc.url === 'string') return loc.url;
    var site = config.context.siteUrl;
    switch (loc && loc.target) {
      case 'issue': return site + '/browse/' + encodeURIComponent(loc.issueKey);
      case 'projectSettingsDetails': return site + '/plugins/servlet/project-config/' + encodeURIComponent(loc.projectKey);
      case 'contentView': return site + '/wiki/pages/viewpage.action?pageId=' + encodeURIComponent(loc.contentId);
      case 'userProfile': return site + '/jira/people/' + encodeURIComponent(loc.accountId);
      case 'dashboard': return site + '/jira/dashboards/' + encodeURIComponent(loc.dashboardId);
      case 'module': return site + '/jira/apps/' + encodeURIComponent(loc.moduleKey);
      default: throw bridgeError('The local host cannot build a URL for target ' + (loc && loc.target));
    }
  }

  function navigate(config, p) {
    var url = urlFor(config, p && p.url !== undefined ? p.url : p);
    if (p && p.type === 'new-tab') global.open(url, '_blank', 'noopener');
    else (global.top || global).location.assign(url);
    return Promise.resolve(true);
  }

  // --- invoke: POST to the host, which calls the resolver through the local runtime ----------
  function invoke(config, p) {
    return global.fetch(config.invokeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        app: config.app,
        accountId: config.context.accountId,
        functionKey: p.functionKey,
        payload: p.payload === undefined ? {} : p.payload,
      }),
    }).then(function (res) {
      return res.text().then(function (text) {
        var body;
        try { body = text ? JSON.parse(text) : {}; } catch (e) { body = { error: { message: text } }; }
        if (!res.ok) {
          var err = new Error((body.error && body.error.message) || ('invoke failed with HTTP ' + res.status));
          err.name = 'InvokeError';
          throw err;
        }
        return p.metadata ? { body: body.result, metadata: p.metadata } : body.result;
      });
    });
  }

  function install(config) {
    var eventListeners = {};
    var handlers = {
      invoke: function (p) { return invoke(config, p); },
      getContext: function () { return Promise.resolve(JSON.parse(JSON.stringify(config.context))); },
      enableTheming: function () { return enableTheming(config.theme); },
      createHistory: function () { return Promise.resolve(createHistory()); },
      navigate: function (p) { return navigate(config, p); },
      open: function () { return Promise.resolve(true); },
      getUrl: function (loc) { return Promise.resolve(urlFor(config, loc)); },
      reload: function () { global.location.reload(); return Promise.resolve(true); },
      showFlag: function (o) { return global.__localForgeFlags.showFlag(o); },
      closeFlag: function (p) { return global.__localForgeFlags.closeFlag(p && p.id); },
      changeWindowTitle: function (title) { global.document.title = String(title); return Promise.resolve(true); },
      getFrameId: function () { return Promise.resolve(config.context.localId); },
      emitReadyEvent: function () { return Promise.resolve(); },
      emit: function (p) {
        (eventListeners[p.event] || []).forEach(function (cb) { cb(p.payload); });
        return Promise.resolve();
      },
      on: function (p) {
        (eventListeners[p.event] = eventListeners[p.event] || []).push(p.callback);
        return Promise.resolve({
          unsubscribe: function () {
            eventListeners[p.event] = (eventListeners[p.event] || []).filter(function (cb) { return cb !== p.callback; });
          },
        });
      },
      onClose: function () { return Promise.resolve(); },
    };
    global.__bridge = {
      callBridge: function (cmd, payload) {
        var h = handlers[cmd];
        if (!h) return Promise.reject(bridgeError('The local Forge host does not implement the bridge command "' + cmd + '"'));
        try {
          return Promise.resolve(h(payload));
        } catch (e) {
          return Promise.reject(e);
        }
      },
    };
  }

  global.__installLocalForgeBridge = install;
})(typeof globalThis !== 'undefined' ? globalThis : window);
