using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

public sealed class ServeCommandTests
{
    private const int SigInt = 2;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_serve_command_prints_its_address_serves_the_site_and_stops_cleanly_on_Ctrl_C()
    {
        using var site = new TestSite().File("content/site.yml", "title: \"测试报告库\"\n");
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        var port = FreePort();
        var cli = Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--site", site.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        try
        {
            string? line;
            using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
                do line = await process.StandardOutput.ReadLineAsync(ready.Token);
                while (line is not null && !line.StartsWith("serving ", StringComparison.Ordinal));
            // Both pipes are drained while the server runs, so that output it writes after this cannot block it on a full pipe.
            var restOfOutput = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var http = new HttpClient();
            var home = await http.GetAsync($"http://127.0.0.1:{port}/");

            Assert.Equal(0, Kill(process.Id, SigInt));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                Assert.Fail($"serve did not stop within 15 s of SIGINT; it printed:\n{await restOfOutput}\n{await errors}");
            }
            var rest = await restOfOutput;

            Assert.StartsWith($"serving http://127.0.0.1:{port}/", line, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("stopped", rest, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
