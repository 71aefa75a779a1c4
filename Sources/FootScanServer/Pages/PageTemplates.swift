import Mustache

/// The counter's HTML as Mustache templates (swift-mustache escapes every `{{value}}`; the one
/// triple-braced value, a page's `content`, is HTML rendered by these templates), its stylesheet and
/// its one script. Kept in the binary: the service runs from one file, with no build step for the page.
enum PageTemplates {
    /// The templates by name, parsed once.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in templates {
            // The templates are ours and fixed: a parse error is a programming error caught by the page tests.
            try? library.register(text, named: name)
        }
        return library
    }()

    static let templates: [String: String] = [
        "layout": """
            <!doctype html>
            <html lang="{{lang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{pageTitle}} · {{t.title}}</title>
            <link rel="stylesheet" href="/static/counter.css">
            </head>
            <body data-csrf="{{csrf}}" data-measuring="{{t.measuring}}">
            <header class="no-print">
            <a class="brand" href="/">{{t.title}}</a>
            {{#staff}}<nav><a href="/customers">{{t.customers}}</a>
            <form method="post" action="/sign-out"><input type="hidden" name="csrf_token" value="{{csrf}}"><button type="submit">{{t.signOut}} ({{staff}})</button></form>
            </nav>{{/staff}}
            </header>
            <main>
            {{{content}}}
            </main>
            <script src="/static/counter.js"></script>
            </body>
            </html>
            """,
        "signIn": """
            <h1>{{t.signIn}}</h1>
            {{#failed}}<p class="error" role="alert">{{t.wrongPassword}}</p>{{/failed}}
            <form method="post" action="/sign-in" class="stack">
            <label>{{t.name}} <input name="name" autocomplete="username" required value="{{name}}"></label>
            <label>{{t.password}} <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="sign-in">{{t.signIn}}</button>
            </form>
            """,
        "counter": """
            <h1>{{t.upload}}</h1>
            <section id="drop" class="drop">
            <p>{{t.dropHere}}</p>
            <label>{{t.customer}}
            <select id="customer">
            <option value="">{{t.noCustomer}}</option>
            {{#customers}}<option value="{{id}}">{{name}} {{phone}}</option>{{/customers}}
            </select></label>
            <label class="button">{{t.chooseFile}} <input id="file" type="file" accept="image/png,image/jpeg"></label>
            <p id="status" role="status"></p>
            </section>
            <h2>{{t.latest}}</h2>
            {{^scans}}<p>{{t.noScans}}</p>{{/scans}}
            <ul class="scans">
            {{#scans}}<li><a href="/scans/{{id}}">#{{id}} {{fileName}}</a> <span class="muted">{{created}} {{summary}}</span></li>{{/scans}}
            </ul>
            """,
        "scan": """
            <h1>{{t.scan}} #{{id}} <span class="muted">{{fileName}} · {{created}}</span></h1>
            <p class="no-print"><a href="/scans/{{id}}/card">{{t.card}}</a>{{#customerID}} · <a href="/customers/{{customerID}}">{{t.customer}}</a>{{/customerID}}</p>
            <div class="scan">
            <img id="overlay" src="/api/scans/{{id}}/overlay.png" alt="overlay">
            <div>
            {{#feet}}
            <table class="foot" data-side="{{side}}">
            <caption>{{sideLabel}}</caption>
            {{#rows}}<tr><th>{{label}}</th><td class="{{key}}">{{value}}</td></tr>{{/rows}}
            {{#warnings}}<tr><th>{{t.warnings}}</th><td class="warning">{{warnings}}</td></tr>{{/warnings}}
            </table>
            {{/feet}}
            </div>
            </div>
            <h2>{{t.lasts}}</h2>
            {{#notMatched}}<p class="error">{{t.notMatched}}: {{notMatched}}</p>{{/notMatched}}
            {{#size}}<p class="size">{{t.size}}: {{size}}</p>{{/size}}
            <ol class="lasts">
            {{#lasts}}<li><strong>{{lastID}}</strong> {{style}}, {{toe}}, {{sizeMM}} {{width}} · {{t.score}} {{score}} ({{fit}}) <span class="muted">{{workshop}}</span>
            <ul>{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul></li>{{/lasts}}
            </ol>
            """,
        "card": """
            <article class="card">
            <h1>{{t.card}} · #{{id}}</h1>
            <p>{{customer}} {{created}}</p>
            <img src="/api/scans/{{id}}/overlay.png" alt="overlay" style="width: {{widthMM}}mm; height: {{heightMM}}mm">
            <p class="muted">{{t.trueScale}}</p>
            {{#feet}}<p><strong>{{sideLabel}}</strong>: {{#rows}}{{label}} {{value}}; {{/rows}}</p>{{/feet}}
            {{#last}}<p><strong>{{t.lasts}}</strong>: {{last}}</p>{{/last}}
            <button class="no-print" id="print">{{t.print}}</button>
            </article>
            """,
        "customers": """
            <h1>{{t.customers}}</h1>
            <form method="get" action="/customers" class="row"><input name="q" value="{{query}}" aria-label="{{t.search}}"><button type="submit">{{t.search}}</button></form>
            <ul>{{#customers}}<li><a href="/customers/{{id}}">{{name}}</a> <span class="muted">{{phone}}</span></li>{{/customers}}</ul>
            <h2>{{t.addCustomer}}</h2>
            <form method="post" action="/customers" class="stack">
            <input type="hidden" name="csrf_token" value="{{csrf}}">
            <label>{{t.name}} <input name="name" required maxlength="200"></label>
            <label>{{t.phone}} <input name="phone" maxlength="40"></label>
            <button type="submit">{{t.add}}</button>
            </form>
            """,
        "customer": """
            <h1>{{name}} <span class="muted">{{phone}}</span></h1>
            <h2>{{t.visits}}</h2>
            {{^visits}}<p>{{t.noScans}}</p>{{/visits}}
            <table class="visits">
            <tr><th>{{t.date}}</th><th>{{t.left}}</th><th>{{t.right}}</th></tr>
            {{#visits}}<tr><td><a href="/scans/{{scanID}}">{{created}}</a></td><td>{{left}}</td><td>{{right}}</td></tr>{{/visits}}
            </table>
            """,
    ]

    static let stylesheet = """
        body { font-family: system-ui, "Noto Sans KR", sans-serif; margin: 0; color: #1d1d1f; }
        header { display: flex; justify-content: space-between; align-items: center; padding: 0.6rem 1rem; background: #243447; }
        header a, header button { color: #fff; }
        header nav { display: flex; gap: 1rem; align-items: center; }
        header form { margin: 0; }
        header button { background: none; border: 1px solid #fff; border-radius: 4px; padding: 0.3rem 0.6rem; }
        .brand { font-weight: 600; text-decoration: none; }
        main { padding: 1rem; max-width: 70rem; margin: auto; }
        .stack { display: flex; flex-direction: column; gap: 0.6rem; max-width: 22rem; }
        .row { display: flex; gap: 0.5rem; }
        input, select, button { font-size: 1rem; padding: 0.45rem; }
        .drop { border: 3px dashed #8aa; border-radius: 10px; padding: 1.5rem; text-align: center; }
        .drop.over { background: #eef6f6; }
        .button input { display: block; margin: 0.5rem auto; }
        .scan { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .scan img { max-width: min(100%, 40rem); border: 1px solid #ccc; }
        table.foot, table.visits { border-collapse: collapse; margin-bottom: 1rem; }
        table.foot th, table.foot td, table.visits th, table.visits td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; border-bottom: 1px solid #eee; }
        caption { text-align: left; font-weight: 600; font-size: 1.1rem; }
        .muted { color: #777; font-size: 0.9rem; }
        .error, .warning { color: #b00020; }
        .card img { display: block; }
        @media print { .no-print { display: none; } main { padding: 0; } }
        """

    static let script = """
        // The counter page: a scan chosen or dropped is sent as it is to /api/scans with the session's
        // CSRF token; the page then shows the scan. No build step, no library.
        (function () {
          var csrf = document.body.dataset.csrf;
          var drop = document.getElementById('drop');
          var file = document.getElementById('file');
          var status = document.getElementById('status');
          var printButton = document.getElementById('print');
          if (printButton) { printButton.addEventListener('click', function () { window.print(); }); }
          if (!drop || !file) { return; }
          function send(chosen) {
            if (!chosen) { return; }
            status.textContent = document.body.dataset.measuring;
            var customer = document.getElementById('customer').value;
            var url = '/api/scans?name=' + encodeURIComponent(chosen.name) + (customer ? '&customer_id=' + encodeURIComponent(customer) : '');
            fetch(url, { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: chosen, credentials: 'same-origin' })
              .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); })
              .then(function (answer) {
                if (answer.status === 201) { window.location.href = '/scans/' + answer.body.id; return; }
                status.textContent = (answer.body.error && answer.body.error.message) || ('HTTP ' + answer.status);
              })
              .catch(function (error) { status.textContent = String(error); });
          }
          file.addEventListener('change', function () { send(file.files[0]); });
          drop.addEventListener('dragover', function (event) { event.preventDefault(); drop.classList.add('over'); });
          drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
          drop.addEventListener('drop', function (event) {
            event.preventDefault();
            drop.classList.remove('over');
            send(event.dataTransfer.files[0]);
          });
        })();
        """
}
