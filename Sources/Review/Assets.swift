/// The stylesheet and script written into every site (no network at view time).
/// The script only reads the page and sets text with `textContent`: it never
/// turns document or record text into markup.
enum Assets {
    /// Colours of the kinds, by palette index (cycled past the end).
    static let colours = [
        "#dbeafe", "#ede9fe", "#fde68a", "#bbf7d0", "#fbcfe8", "#fed7aa", "#c7d2fe", "#a5f3fc",
        "#fecaca", "#d9f99d", "#e9d5ff", "#99f6e4", "#fef08a", "#bae6fd", "#f5d0fe", "#e7e5e4",
    ]
    static let borders = [
        "#3b82f6", "#7c3aed", "#b45309", "#15803d", "#be185d", "#c2410c", "#4338ca", "#0e7490",
        "#b91c1c", "#4d7c0f", "#7e22ce", "#0f766e", "#a16207", "#0369a1", "#a21caf", "#57534e",
    ]

    /// Palette classes for `count` kinds.
    static var kindRules: String {
        var out = ""
        for index in 0..<64 {
            let fill = colours[index % colours.count], line = borders[index % borders.count]
            out += ".k\(index){--fill:\(fill);--line:\(line)}\n"
            out += ".hide-k\(index) .hl.k\(index){background:transparent;box-shadow:none;outline:none;text-decoration:none}\n"
            out +=
                ".hide-k\(index) section.block.k\(index){border-left-color:transparent}.hide-k\(index) section.block.k\(index)>.head{display:none}\n"
        }
        return out
    }

    static let stylesheet = """
        :root{--ink:#1f2937;--muted:#6b7280;--rule:#e5e7eb;--bad:#dc2626;--miss:#dc2626}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Source Han Sans SC",sans-serif;color:var(--ink);background:#fafafa}
        header{padding:12px 20px;background:#fff;border-bottom:1px solid var(--rule)}
        h1{font-size:20px;margin:4px 0}
        .file{color:var(--muted);margin:0;font-family:ui-monospace,monospace;font-size:12px}
        nav a{color:var(--muted);text-decoration:none;font-size:13px}
        .facts{display:flex;flex-wrap:wrap;gap:4px 18px;margin:8px 0;font-size:13px}
        .facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}.facts dd{margin:0}
        .legend{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
        .toggle{background:var(--fill,#fff);border:1px solid var(--line,var(--rule));border-radius:12px;padding:0 8px;font-size:13px;cursor:pointer}
        .toggle .n{color:var(--muted)}
        .missed-key{outline:2px dashed var(--miss);border:none}.extra-key{text-decoration:underline wavy var(--bad);border-color:var(--bad)}
        details{margin:8px 20px;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:4px 10px}
        summary{cursor:pointer;font-weight:600}
        .findings li.missed .verdict,.findings li.extra .verdict,.findings li.wrong .verdict{color:var(--bad);font-weight:600}
        .field,.rule{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}
        main{display:flex;gap:16px;padding:12px 20px;align-items:flex-start}
        .text{flex:1;min-width:0;white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:16px 20px;line-height:1.9}
        #panel{position:sticky;top:12px;width:340px;flex:none;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:10px 12px;font-size:13px;max-height:calc(100vh - 24px);overflow:auto}
        #panel .hint{color:var(--muted)}
        #panel h3{margin:6px 0 2px;font-size:14px}
        #panel table{border-collapse:collapse;width:100%}
        #panel td{border-top:1px solid var(--rule);padding:2px 4px;vertical-align:top;word-break:break-all}
        #panel td:first-child{color:var(--muted);white-space:nowrap;width:1%}
        #panel tr.gold td{color:var(--bad)}
        #panel .v-extra,#panel .v-missed{color:var(--bad);font-weight:600}
        .hl{background:var(--fill);border-radius:2px;box-shadow:inset 0 -2px 0 var(--line);cursor:pointer}
        .hl.multi{box-shadow:inset 0 -2px 0 var(--line),0 2px 0 #9ca3af}
        .hl.extra{text-decoration:underline wavy var(--bad)}
        .hl.missed{background:repeating-linear-gradient(135deg,#fff 0 4px,#fee2e2 4px 8px);outline:2px dashed var(--miss);box-shadow:none}
        .hl.empty::before{content:"\\2038";color:var(--line)}
        .hl[data-ids^="near-"]{background:transparent;box-shadow:none;text-decoration:line-through dotted var(--line)}
        .hl.pinned{outline:2px solid var(--ink)}
        section.block{display:block;border-left:4px solid var(--line);background:linear-gradient(90deg,var(--fill) 0,transparent 60px);margin:4px 0 4px -12px;padding-left:8px}
        section.block.pinned{outline:2px solid var(--ink)}
        section.block.extra{border-left-style:dashed;border-left-color:var(--bad)}
        section.block>.head{white-space:normal;font-size:13px;line-height:1.5;padding:2px 0;cursor:pointer;user-select:none}
        .head .kind{color:var(--muted)}.head .role{color:var(--muted);margin-left:6px}.head .verdict{color:var(--bad);font-weight:600}
        .chip{background:#fff;border:1px solid var(--line);border-radius:10px;padding:0 6px;margin-left:2px}
        .page{display:inline-block;font-size:11px;color:var(--muted);border:1px solid var(--rule);border-radius:8px;padding:0 6px;margin:0 4px;user-select:none}
        .diagnostics li.warning b{color:#b45309}
        .tables{padding:0 0 20px}.tables h2{margin:12px 20px 0;font-size:16px}
        table{border-collapse:collapse;font-size:13px}
        .tables table{width:100%}
        th,td{border-bottom:1px solid var(--rule);padding:3px 6px;text-align:left;vertical-align:top}
        tr.extra td:nth-child(2),tr.missed td:nth-child(2){color:var(--bad);font-weight:600}
        summary.k0,summary[class^=k]{border-left:6px solid var(--line);padding-left:6px}
        .filters{display:flex;flex-wrap:wrap;gap:10px;font-size:13px}
        .filters select,.filters input{font:inherit;max-width:18em}
        table.documents{margin:0;background:#fff;width:100%}
        table.documents th{position:sticky;top:0;background:#f3f4f6;cursor:pointer;white-space:nowrap}
        table.documents th.count{background:var(--fill)}
        th.sorted-up::after{content:" ▲"}th.sorted-down::after{content:" ▼"}
        table.documents td.name{min-width:14em;word-break:break-all}
        table.documents td.title{min-width:22em}
        table.documents td.long{max-width:14em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .findings ul{max-height:16em;overflow:auto;margin:4px 0}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        tr.failed td{color:var(--bad)}
        .index main{display:block;overflow-x:auto}

        """ + kindRules

    static let script = #"""
        // zhengce review: the side panel and kind switches of a document page, the
        // sorting and filters of the index. Text goes into the page by textContent only.
        "use strict";
        (function () {
          function documentPage() {
            var data = document.getElementById("zc-items");
            var panel = document.getElementById("panel");
            if (!data || !panel) return;
            var items = JSON.parse(data.textContent);
            var pinned = null;
            function el(tag, text, cls) {
              var e = document.createElement(tag);
              if (text !== undefined) e.textContent = text;
              if (cls) e.className = cls;
              return e;
            }
            function show(ids) {
              panel.textContent = "";
              ids.forEach(function (id) {
                var item = items[id];
                if (!item) return;
                panel.appendChild(el("h3", item.kind + " · " + item.label));
                if (item.verdict !== "unjudged") panel.appendChild(el("div", item.verdict === "missed" ? "missed: in the gold, not extracted" : item.verdict, "v-" + item.verdict));
                var table = el("table");
                var rows = [["span", item.spans]].concat(item.fields);
                rows.forEach(function (pair) {
                  var tr = el("tr");
                  if (pair[0].indexOf("gold ") === 0) tr.className = "gold";
                  tr.appendChild(el("td", pair[0]));
                  tr.appendChild(el("td", pair[1]));
                  table.appendChild(tr);
                });
                panel.appendChild(table);
              });
            }
            function idsOf(target) {
              var node = target.closest && target.closest(".hl, section.block > .head");
              if (!node) return null;
              var holder = node.classList.contains("head") ? node.parentNode : node;
              return holder.getAttribute("data-ids").split(" ");
            }
            function pin(ids) {
              document.querySelectorAll(".pinned").forEach(function (e) { e.classList.remove("pinned"); });
              pinned = ids;
              if (!ids) return;
              document.querySelectorAll("#text [data-ids]").forEach(function (e) {
                if (e.getAttribute("data-ids").split(" ")[0] === ids[0]) e.classList.add("pinned");
              });
            }
            var text = document.getElementById("text");
            text.addEventListener("mouseover", function (event) {
              var ids = idsOf(event.target);
              if (ids && !pinned) show(ids);
            });
            text.addEventListener("click", function (event) {
              var ids = idsOf(event.target);
              if (!ids) { pin(null); return; }
              pin(ids);
              show(ids);
            });
            document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
              box.addEventListener("change", function () {
                document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
              });
            });
            // #i-ID (a link from the tables) or #show=ID: that item, pinned, in the middle of the window.
            function follow() {
              var hash = decodeURIComponent(location.hash);
              var id = hash.indexOf("#show=") === 0 ? "i-" + hash.slice(6) : hash.slice(1);
              var target = id && document.getElementById(id);
              if (!target || !target.getAttribute("data-ids")) return;
              var first = target.getAttribute("data-ids").split(" ")[0];
              pin([first]);
              show([first]);
              if (hash.indexOf("#show=") === 0) target.scrollIntoView({ block: "center" });
            }
            follow();
            window.addEventListener("hashchange", follow);
            // j and k: the next and previous item against the gold (missed or extra).
            var problems = Array.prototype.slice.call(document.querySelectorAll(".hl.missed, .hl.extra, section.block.extra > .head"));
            var at = -1;
            document.addEventListener("keydown", function (event) {
              if (event.target.tagName === "INPUT" || problems.length === 0) return;
              if (event.key !== "j" && event.key !== "k") return;
              at = event.key === "j" ? (at + 1) % problems.length : (at - 1 + problems.length) % problems.length;
              var node = problems[at];
              var ids = idsOf(node);
              node.scrollIntoView({ block: "center" });
              pin(ids);
              show(ids);
            });
          }

          function indexPage() {
            var table = document.getElementById("documents");
            if (!table) return;
            var body = table.tBodies[0];
            var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
            var rows = Array.prototype.slice.call(body.rows);
            var filters = {};
            var search = document.getElementById("search");
            function apply() {
              var needle = search ? search.value.trim().toLowerCase() : "";
              rows.forEach(function (row) {
                var keep = Object.keys(filters).every(function (column) {
                  var want = filters[column];
                  return want === "" || row.cells[column].textContent === want;
                });
                if (keep && needle) keep = row.textContent.toLowerCase().indexOf(needle) >= 0;
                row.style.display = keep ? "" : "none";
              });
            }
            headers.forEach(function (th, column) {
              var kind = th.getAttribute("data-sort");
              th.addEventListener("click", function () {
                var up = !th.classList.contains("sorted-up");
                headers.forEach(function (h) { h.classList.remove("sorted-up", "sorted-down"); });
                th.classList.add(up ? "sorted-up" : "sorted-down");
                var keyed = rows.map(function (row, n) {
                  var t = row.cells[column].textContent;
                  return { row: row, n: n, key: kind === "number" ? (t === "" ? -1 : Number(t)) : t };
                });
                keyed.sort(function (a, b) {
                  var c = a.key < b.key ? -1 : a.key > b.key ? 1 : a.n - b.n;
                  return up ? c : -c;
                });
                keyed.forEach(function (k) { body.appendChild(k.row); });
              });
              var name = th.getAttribute("data-filter");
              if (!name) return;
              var values = [];
              rows.forEach(function (row) {
                var t = row.cells[column].textContent;
                if (t !== "" && values.indexOf(t) < 0) values.push(t);
              });
              if (values.length === 0) return;
              values.sort();
              var label = document.createElement("label");
              label.textContent = name + " ";
              var select = document.createElement("select");
              var all = document.createElement("option");
              all.value = ""; all.textContent = "all";
              select.appendChild(all);
              values.forEach(function (v) {
                var option = document.createElement("option");
                option.value = v; option.textContent = v;
                select.appendChild(option);
              });
              select.addEventListener("change", function () { filters[column] = select.value; apply(); });
              label.appendChild(select);
              document.getElementById("filters").appendChild(label);
            });
            if (search) search.addEventListener("input", apply);
          }

          documentPage();
          indexPage();
        })();

        """#
}
