using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>Debian's nginx (installed by test.sh) serving a built site's output folder under a path on 127.0.0.1, from a config of
/// its own in a temp folder (run as root with <c>user root;</c>), with the security headers and 404 page of docs/security-headers.md
/// unless told otherwise. Stopped on dispose.</summary>
public sealed class NginxHost : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private static readonly string[] Headers =
    [
        "Content-Security-Policy \"default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'\"",
        "X-Content-Type-Options \"nosniff\"",
        "Referrer-Policy \"strict-origin-when-cross-origin\"",
        "X-Frame-Options \"SAMEORIGIN\"",
        "Permissions-Policy \"camera=(), microphone=(), geolocation=()\"",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("sitegen-nginx-").FullName;
    private readonly Process _process;

    public Uri Url { get; }

    /// <param name="output">The folder to serve, at <paramref name="prefix"/>.</param>
    /// <param name="server">Extra directives of the server block (e.g. <c>max_ranges 0;</c>).</param>
    /// <param name="securityHeaders">Send the security headers and the site's 404 page, as the docs say.</param>
    public NginxHost(string output, string prefix = "/reports/", string server = "", bool securityHeaders = true)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: run ./test.sh, which installs Debian's nginx-light");
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}{prefix}");
        var location = securityHeaders ? string.Concat(Headers.Select(h => $"      add_header {h} always;\n")) + $"      error_page 404 {prefix}404.html;\n" : "";
        var config = $$"""
            user root;
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              access_log off;
              client_body_temp_path {{_folder}}/body;
              proxy_temp_path {{_folder}}/proxy;
              fastcgi_temp_path {{_folder}}/fastcgi;
              uwsgi_temp_path {{_folder}}/uwsgi;
              scgi_temp_path {{_folder}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
            {{server}}
                location {{prefix}} {
                  alias {{Path.GetFullPath(output)}}/;
            {{location}}
                }
              }
            }
            """;
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), config);
        _process = Process.Start(new ProcessStartInfo(Binary, ["-c", Path.Combine(_folder, "nginx.conf"), "-p", _folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        WaitUntilListening(port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening(int port)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"nginx exited ({_process.ExitCode}): {_process.StandardError.ReadToEnd()} {ErrorLog()}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"nginx did not listen on {port}: {ErrorLog()}");
    }

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
