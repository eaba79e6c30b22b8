namespace VisionAspire.Hosting.Dashboard;

internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>VisionAspire dashboard</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #222; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
          .Running { color: #16794c; } .FailedToStart, .RuntimeUnhealthy, .Exited { color: #b42318; }
          .Waiting, .Starting, .Stopping { color: #b54708; }
          pre { background: #111; color: #ddd; padding: .5rem; max-height: 16rem; overflow: auto; margin: 0; font-size: 12px; }
          details summary { cursor: pointer; }
        </style>
        </head>
        <body>
        <h1>Resources</h1>
        <table>
          <thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Restarts</th><th>Logs</th></tr></thead>
          <tbody id="resources"></tbody>
        </table>
        <script>
          const open = new Set();
          const text = s => String(s ?? "").replace(/[&<>]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c]));
          async function refresh() {
            try {
              const resources = await (await fetch("api/resources")).json();
              document.getElementById("resources").innerHTML = resources.map(r => `
                <tr>
                  <td>${text(r.name)}</td>
                  <td>${text(r.type)}</td>
                  <td class="${r.state}">${text(r.state)}${r.exitCode != null ? " (" + r.exitCode + ")" : ""}${r.error ? "<br>" + text(r.error) : ""}</td>
                  <td>${text(r.health)}</td>
                  <td>${r.endpoints.map(e => e.startsWith("http") ? `<a href="${text(e)}">${text(e)}</a>` : text(e)).join("<br>")}</td>
                  <td>${text(r.processId)}</td>
                  <td>${r.restarts}</td>
                  <td><details data-name="${text(r.name)}" ${open.has(r.name) ? "open" : ""}><summary>${r.logs.length} lines</summary><pre>${text(r.logs.join("\n"))}</pre></details></td>
                </tr>`).join("");
              document.querySelectorAll("details").forEach(d => d.addEventListener("toggle", () =>
                d.open ? open.add(d.dataset.name) : open.delete(d.dataset.name)));
            } catch { /* the AppHost is stopping */ }
          }
          refresh();
          setInterval(refresh, 2000);
        </script>
        </body>
        </html>
        """;
}
