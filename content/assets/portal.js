// The portal's own script: the 长辈模式 control and its larger charts, tables as cards on phones, keyboard
// access to the navigation drawer and to scrolling tables, search as an input method types, and Zensical's
// search dialog in Chinese (when Zensical builds the site).
// Everything it adds is optional: with JavaScript off every page is complete and readable (tables scroll).
(function () {
  var KEY = "ms-elder";
  var root = document.documentElement;
  // Material's navigation becomes a drawer below 76.25em; tables become cards at phone widths, wider in
  // 长辈模式, whose text is 1.2 times as large.
  var DRAWER = window.matchMedia("(max-width: 76.234375em)");
  var PHONE = window.matchMedia("(max-width: 37.5em)");
  var PHONE_ELDER = window.matchMedia("(max-width: 47.9375em)");

  function elder() { return root.classList.contains("ms-elder"); }

  // 长辈模式: a button that says whether the mode is on (aria-pressed, and its look) and how to leave it.
  function setupToggle() {
    var toggle = document.getElementById("ms-elder-toggle");
    if (!toggle || toggle.dataset.ready) return;
    toggle.dataset.ready = "1";
    toggle.hidden = false;
    var labelOff = toggle.textContent;
    var labelOn = toggle.getAttribute("data-label-on") || labelOff;
    var update = function () {
      var on = elder();
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      toggle.textContent = on ? labelOn : labelOff;
    };
    toggle.addEventListener("click", function () {
      var on = root.classList.toggle("ms-elder");
      try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private browsing: not remembered */ }
      update();
      showCharts();
      layoutTables();
    });
    update();
  }

  // Charts are images, out of reach of the page's styles: 长辈模式 shows the copy drawn with larger text,
  // charts/large/x.svg beside charts/x.svg (render/charts.py, large_path).
  var CHART = /^(.*charts\/)(large\/)?([^\/?#]+\.svg)$/;
  function showCharts() {
    document.querySelectorAll(".md-content img").forEach(function (img) {
      var src = img.getAttribute("src") || "";
      var parts = CHART.exec(src);
      if (!parts) return;
      var wanted = parts[1] + (elder() ? "large/" : "") + parts[3];
      if (wanted !== src) img.setAttribute("src", wanted);
    });
  }

  // Tables: each cell is labelled with its column's header, so that where a table would not fit the
  // screen it can be shown as a card per row (portal.css), every cell beside its header, nothing out of sight.
  function tables() { return document.querySelectorAll(".md-content table:not([class])"); }

  var LONG = 40;  // characters: a cell's text longer than this is shown, as a card, under its header, at full width
  function labelCells(table) {
    if (table.dataset.msLabelled) return;
    table.dataset.msLabelled = "1";
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (heads[index]) cell.setAttribute("data-label", heads[index]);
        if (cell.textContent.trim().length > LONG) cell.setAttribute("data-ms-long", "");  // as a card: under its header
      });
    });
  }

  // Shown as cards, a table's rows and cells are still a table to a screen reader: the roles a table has,
  // which some browsers drop from table elements whose display is changed.
  var ROLES = [["table", "table"], ["thead, tbody", "rowgroup"], ["tr", "row"], ["th", "columnheader"], ["td", "cell"]];
  function setRoles(table, on) {
    ROLES.forEach(function (pair) {
      var parts = table.matches(pair[0]) ? [table] : table.querySelectorAll(pair[0]);
      Array.prototype.forEach.call(parts, function (part) {
        if (on) part.setAttribute("role", pair[1]); else part.removeAttribute("role");
      });
    });
  }

  // A table that fits the screen only by squeezing its columns, a row running to more than SQUEEZED lines (the
  // 预警 table of a bulletin: three columns of long sentences), reads as badly as one that scrolls: cards too.
  var SQUEEZED = 6;
  function squeezed(table) {
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];
    if (!rows.length || rows[0].cells.length < 3) return false;
    var style = getComputedStyle(rows[0].cells[0]);
    var line = parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize);
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getBoundingClientRect().height > SQUEEZED * line) return true;
    }
    return false;
  }

  function layoutTables() {
    var narrow = (elder() ? PHONE_ELDER : PHONE).matches;
    var boxes = [];
    tables().forEach(function (table) {
      labelCells(table);
      var box = table.closest(".md-typeset__scrollwrap") || table;
      table.removeAttribute("data-ms-cards");  // measured as a table
      box.removeAttribute("data-ms-cards");
      boxes.push([table, box, table.hasAttribute("role")]);
    });
    boxes.forEach(function (entry) {
      var cards = narrow && (entry[1].scrollWidth > entry[1].clientWidth + 1 || squeezed(entry[0]));
      if (cards) {
        entry[0].setAttribute("data-ms-cards", "");
        entry[1].setAttribute("data-ms-cards", "");
      }
      if (cards !== entry[2]) setRoles(entry[0], cards);
    });
    // A table that still scrolls sideways can be reached and scrolled by keyboard; no other takes a tab stop.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "表格，可左右滚动");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // The navigation drawer on narrow screens: its button is reached and worked by keyboard, focus goes into
  // the drawer when it opens and back to the button when Escape closes it. (portal.css hides the closed
  // drawer, so that its links take no tab stops.)
  function setupDrawer() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector(".md-header label[for='__drawer']");
    if (!drawer || !button || button.dataset.ready) return;
    button.dataset.ready = "1";
    button.setAttribute("role", "button");
    if (!button.getAttribute("aria-label")) button.setAttribute("aria-label", "导航菜单");
    var sync = function () {
      var narrow = DRAWER.matches;
      if (narrow) {
        button.setAttribute("tabindex", "0");
        button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
      } else {
        button.removeAttribute("tabindex");
        button.removeAttribute("aria-expanded");
      }
    };
    // The theme clicks a focused label on Enter; the space bar does the same here, as for any button. Focus
    // goes into the drawer once the key comes up: moved as it goes down, the same key press would go on
    // to follow the drawer's first link.
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") event.preventDefault();  // no scrolling
    });
    button.addEventListener("keyup", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      if (event.key === " ") button.click();
      var first = document.querySelector(".md-sidebar--primary a[href]");
      // once the drawer is shown (it is hidden while closed)
      if (drawer.checked && first) window.requestAnimationFrame(function () { first.focus(); });
    });
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked && DRAWER.matches) {
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change", { bubbles: true }));
        button.focus();
      }
    });
    // closed again when focus leaves it
    document.addEventListener("focusin", function (event) {
      if (drawer.checked && DRAWER.matches && !event.target.closest(".md-sidebar--primary")
          && event.target !== button) {
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    DRAWER.addEventListener("change", sync);
    sync();
  }

  // Search: Material's search reads the field on key presses, and an input method (pinyin, handwriting,
  // voice) commits its text without any: read it as well when a composition ends or text is put in.
  function setupSearch() {
    var input = document.querySelector("input.md-search__input");
    if (!input || input.dataset.msIme) return;
    input.dataset.msIme = "1";
    var read = function () { input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); };
    input.addEventListener("compositionend", read);
    input.addEventListener("input", function (event) { if (!event.isComposing) read(); });
    // and not the pinyin letters of a word being composed
    window.addEventListener("keyup", function (event) {
      if (event.target === input && event.isComposing) event.stopPropagation();
    }, true);
  }

  // Zensical's search (when the site is built with Zensical): a dialog its script draws in a shadow root of
  // its own, in English whatever theme.language says (Zensical 0.0.73 has no Chinese words for it). Its words
  // are put in Chinese as they appear, in Material's Chinese words for its search.
  var ZH = {
    "Search": "搜索",
    "Search results": "搜索结果",
    "Close search": "关闭搜索",
    "Filters": "筛选",
    "Tags": "关键词",
    "Use Up and Down arrow keys to move between tags. Press Space or Enter to toggle a tag.":
      "用上下方向键在关键词之间移动，按空格键或回车键选中或取消。",
    "No results": "没有找到符合条件的结果",
    "Loading search\u2026": "正在初始化搜索引擎",
    "Search is unavailable. Reload the page to try again.": "搜索暂时不能使用，请刷新页面后再试。"
  };
  var COUNT = /^([\d,]+) results?$/;
  var ATTRIBUTES = ["aria-label", "placeholder"];

  function chinese(text) {
    var words = text.trim();
    if (Object.prototype.hasOwnProperty.call(ZH, words)) return text.replace(words, ZH[words]);
    var count = COUNT.exec(words);
    if (count) return text.replace(words, count[1] === "1" ? "找到 1 个符合条件的结果" : count[1] + " 个符合条件的结果");
    return text;
  }

  function translate(node) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (var n = node; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        var text = chinese(n.data);
        if (text !== n.data) n.data = text;
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        ATTRIBUTES.forEach(function (name) {
          var value = n.getAttribute(name);
          if (value && chinese(value) !== value) n.setAttribute(name, chinese(value));
        });
      }
    }
  }

  // the shadow root the dialog is drawn in, added to the page's body by Zensical's script
  function zensicalSearch() {
    var hosts = document.body ? document.body.children : [];
    for (var i = 0; i < hosts.length; i++) {
      if (hosts[i].shadowRoot) return hosts[i].shadowRoot;
    }
    return null;
  }

  var translating = false;
  function setupZensicalSearch() {
    if (translating || !document.querySelector(".md-search__button")) return;
    translating = true;
    var watch = function (shadow) {
      translate(shadow);
      new MutationObserver(function (changes) {
        changes.forEach(function (change) { translate(change.target); });
        zensicalEmpty(shadow);
      }).observe(shadow, { subtree: true, childList: true, characterData: true, attributes: true,
                           attributeFilter: ATTRIBUTES });
      // and as the question is typed on: Zensical leaves its "No results" line as it is while it still finds nothing
      shadow.addEventListener("input", function () { zensicalEmpty(shadow); });
      searchFromAddress(shadow);
    };
    var shadow = zensicalSearch();
    if (shadow) return watch(shadow);
    var waiting = new MutationObserver(function () {  // in case this script runs before Zensical's has added it
      var found = zensicalSearch();
      if (found) { waiting.disconnect(); watch(found); }
    });
    waiting.observe(document.body, { childList: true });
  }

  // An address with ?q= (the 404 page's search form) opens the search with those words, as Material's does.
  function searchFromAddress(shadow) {
    var query = new URLSearchParams(window.location.search).get("q");
    if (!query) return;
    document.querySelector(".md-search__button").click();
    var fill = function () {  // once the dialog is drawn, when the search index has loaded
      var input = shadow.querySelector("input");
      if (!input) return window.requestAnimationFrame(fill);
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    fill();
  }

  // Sortable tables (年度完成情况, inside .ms-sortable): each header becomes a button that sorts the rows by its
  // column, and a second press the other way; aria-sort says which column and which way. A column whose cells
  // hold numbers sorts by them (50.0%, 1,234.56); a cell without one (—, 无资金数据, 未登记问题) goes last either
  // way, as a gap, never as a zero. The first column puts the rows back in the list's own order; columns of
  // words only are not sorted. Without JavaScript the table stays in the list's order.
  function cellNumber(cell) {
    var match = cell.textContent.replace(/,/g, "").match(/-?\d+(?:\.\d+)?/);
    return match ? parseFloat(match[0]) : null;
  }

  function setupSort() {
    document.querySelectorAll(".ms-sortable table").forEach(function (table) {
      if (table.dataset.msSortable || !table.tBodies[0]) return;
      table.dataset.msSortable = "1";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var heads = table.querySelectorAll("thead th");
      heads.forEach(function (th, column) {
        var numeric = column > 0 && rows.some(function (row) { return cellNumber(row.cells[column]) !== null; });
        if (column > 0 && !numeric) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "ms-sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () {
          var way = numeric && th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
          heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", way);
          var sign = way === "ascending" ? 1 : -1;
          var keyed = rows.map(function (row, index) {
            return [numeric ? cellNumber(row.cells[column]) : null, index, row];
          });
          keyed.sort(function (a, b) {
            if (a[0] === null || b[0] === null) return a[0] === b[0] ? a[1] - b[1] : (a[0] === null ? 1 : -1);
            return a[0] === b[0] ? a[1] - b[1] : sign * (a[0] - b[0]);
          });
          keyed.forEach(function (entry) { body.appendChild(entry[2]); });
        });
      });
      var hint = document.createElement("p");
      hint.className = "ms-sort-hint";
      hint.textContent = "点表头中的列名可按该列排序，再点一次反向排序；点“项目”恢复原来的顺序。";
      (table.closest(".md-typeset__scrollwrap") || table).before(hint);
    });
  }

  // An empty search offers a next step (the footer's template #ms-search-empty): the items and 乡镇 that the
  // question's words point to (data: vocabulary.yaml, keywords, titles and place names, in assets/words.json),
  // then 与我有关, the hotline and 我要反映. Under Material's 没有找到… line, or Zensical's, in its dialog.
  // A question is read as residents type it, a whole sentence (老人瘫在床上请人护理能报吗) that neither engine
  // segments: a word of a row's the question holds counts twice its letters, and each pair of letters the question
  // shares with a row's title and words counts by how rare the pair is among all rows (一个 or 补贴, which many
  // rows have, count for little); one it shares only with the notice's text of the item, half that.
  var wordRows = null;
  function pairs(text) {
    var found = {};
    for (var i = 0; i + 1 < text.length; i++) found[text.substr(i, 2)] = true;
    return Object.keys(found);
  }
  function indexed(rows) {
    var texts = rows.map(function (row) { return row.title + "\n" + row.words.join("\n"); });
    var rarity = {};
    rows.forEach(function (row, i) {
      pairs(texts[i] + "\n" + row.text).forEach(function (pair) { rarity[pair] = (rarity[pair] || 0) + 1; });
    });
    Object.keys(rarity).forEach(function (pair) { rarity[pair] = Math.log(rows.length / rarity[pair]); });
    return { rows: rows, texts: texts, rarity: rarity };
  }
  var ENOUGH = 2;  // a row is offered from this score: a word of two letters, or one pair that few rows share
  function suggest(query) {  // at most three, best first
    var template = document.getElementById("ms-search-empty");
    if (!template) return Promise.resolve([]);
    var source = new URL(template.getAttribute("data-words"), window.location.href);
    if (!wordRows) {
      wordRows = window.fetch(source.href).then(function (r) { return r.json(); }).then(indexed)
        .catch(function () { return indexed([]); });
    }
    var asked = query.replace(/\s+/g, "");
    var askedPairs = pairs(asked);
    return wordRows.then(function (index) {
      var found = index.rows.map(function (row, i) {
        var score = 0;
        row.words.forEach(function (word) { if (asked.indexOf(word) >= 0) score += 2 * word.length; });
        askedPairs.forEach(function (pair) {
          if (index.texts[i].indexOf(pair) >= 0) score += index.rarity[pair];
          else if (row.text.indexOf(pair) >= 0) score += index.rarity[pair] / 2;
        });
        return { title: row.title, url: new URL(row.url, new URL("..", source)).href, score: score };
      }).filter(function (f) { return f.score >= ENOUGH; });
      found.sort(function (a, b) { return b.score - a.score; });
      return found.slice(0, 3);
    });
  }
  window.msSuggest = suggest;  // for the tests, which measure what an empty search offers

  function emptyHelp(query) {
    var template = document.getElementById("ms-search-empty");
    if (!template) return null;
    var box = template.content.firstElementChild.cloneNode(true);
    box.setAttribute("data-query", query);
    box.style.cssText = "padding: .4rem .8rem .8rem; line-height: 1.6";  // also inside Zensical's dialog
    suggest(query).then(function (found) {
      if (!found.length) return;
      var list = box.querySelector(".ms-search-empty__found");
      found.forEach(function (f) {
        var link = document.createElement("a");
        link.href = f.url;
        link.textContent = f.title;
        var li = document.createElement("li");
        li.appendChild(link);
        list.appendChild(li);
      });
      list.hidden = false;
      box.querySelector(".ms-search-empty__maybe").hidden = false;
    });
    return box;
  }

  function showEmptyHelp(after, query) {
    var old = after.parentNode.querySelector(".ms-search-empty");
    if (old && old.getAttribute("data-query") === query && old.previousElementSibling === after) return;
    if (old) old.remove();
    var box = emptyHelp(query);
    if (box) after.insertAdjacentElement("afterend", box);
  }

  // Material reads an unsegmented question by its first word (请保姆 finds 请律师's item): above its results,
  // the items whose residents' words the question holds, when there are any.
  // The same above Zensical's results (`where`: before its list).
  function showSuggestions(meta, query, where) {
    var old = meta.parentNode.querySelector(".ms-search-empty");
    if (old && old.getAttribute("data-query") === query) return;
    if (old) old.remove();
    var field = meta.getRootNode().querySelector("input.md-search__input, dialog input");
    suggest(query).then(function (found) {
      if (!found.length || !field || field.value.trim() !== query || meta.parentNode.querySelector(".ms-search-empty")) return;
      var box = emptyHelp(query);
      box.querySelector(".ms-search-empty__next").remove();
      meta.insertAdjacentElement(where === "before" ? "beforebegin" : "afterend", box);
    });
  }

  function setupEmptySearch() {
    var input = document.querySelector("input.md-search__input");
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !meta || !list || meta.dataset.msEmpty) return;
    meta.dataset.msEmpty = "1";
    new MutationObserver(function () {
      var query = input.value.trim();
      if (query && !list.children.length) showEmptyHelp(meta, query);
      else if (query) showSuggestions(meta, query);
      else { var old = meta.parentNode.querySelector(".ms-search-empty"); if (old) old.remove(); }
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  function zensicalEmpty(shadow) {
    var input = shadow.querySelector("input");
    var query = input ? input.value.trim() : "";
    var none = null;
    var all = shadow.querySelectorAll("dialog *");
    for (var i = 0; i < all.length && !none; i++) {
      if (!all[i].children.length && all[i].textContent.trim() === ZH["No results"]) none = all[i];
    }
    if (none && query) return showEmptyHelp(none, query);
    var results = shadow.querySelector("dialog ol[role=listbox]");
    if (query && results && results.children.length) showSuggestions(results, query, "before");
  }

  // Names for the theme's controls that have none a screen reader can say: the skip link says where it goes
  // (the theme's says only 跳转至, "skip to"), and MkDocs' header search button, an icon alone, is 搜索: a label (for
  // the search's checkbox), made a button, reached by Tab and pressed by Enter or the space bar. (Zensical's is a
  // button with its word, 查找, already.)
  function nameControls() {
    document.querySelectorAll("a.md-skip").forEach(function (link) { link.textContent = "跳到正文"; });
    var label = document.querySelector("label.md-header__button[for='__search']");
    if (!label || label.dataset.ready) return;
    label.dataset.ready = "1";
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", "搜索");
    label.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") event.preventDefault();
    });
    label.addEventListener("keyup", function (event) {
      if (event.key === " " || event.key === "Enter") label.click();
    });
  }

  // Print: every printed page carries the site's name, the date the figures stand at, the sample-data notice
  // (while the data is sample), the page's address, the print date and the page number, in the page's margins
  // (@page margin boxes, filled from the page: .ms-print-meta and .ms-banner, written by the overrides).
  function setupPrint() {
    var meta = document.querySelector(".ms-print-meta");
    if (!meta) return;
    var old = document.getElementById("ms-print-page");
    if (old) old.remove();
    var quote = function (text) { return "\"" + String(text).replace(/[\\"]/g, "\\$&").replace(/\n/g, " ") + "\""; };
    var now = new Date();
    var printed = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    var banner = document.querySelector(".ms-banner");
    var left = meta.getAttribute("data-site") + (meta.getAttribute("data-as-of") ? "　数据截至" + meta.getAttribute("data-as-of") : "");
    var style = document.createElement("style");
    style.id = "ms-print-page";
    style.textContent = "@media print { @page {" +
      " @top-left { content: " + quote(left) + "; }" +
      (banner ? " @top-right { content: " + quote(banner.textContent.trim()) + "; font-weight: bold; }" : "") +
      " @bottom-left { content: " + quote(location.href) + "; }" +
      " @bottom-right { content: " + quote("打印日期：" + printed + "　第 ") + " counter(page) \" / \" counter(pages) \" 页\"; }" +
      " } }";
    document.head.appendChild(style);
  }

  function setup() {
    nameControls();
    setupPrint();
    setupToggle();
    showCharts();
    setupSort();
    layoutTables();
    setupDrawer();
    setupSearch();
    setupEmptySearch();
    setupZensicalSearch();
  }

  var pending = false;
  function relayout() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; layoutTables(); });
  }
  window.addEventListener("resize", relayout);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
